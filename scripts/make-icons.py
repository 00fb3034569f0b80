"""Draws the app icons as PNG (the web manifest needs 192 and 512 pixel ones)
with only the standard library: the same design as www/icons/icon.svg."""

import struct
import sys
import zlib

BLUE, WHITE, GREY, GREEN = (0x1D, 0x70, 0xB8), (255, 255, 255), (0xB1, 0xB4, 0xB6), (0x00, 0x70, 0x3C)


def inside_round_rect(x, y, left, top, width, height, radius):
    cx = min(max(x, left + radius), left + width - radius)
    cy = min(max(y, top + radius), top + height - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2 and left <= x <= left + width and top <= y <= top + height


def near_segment(x, y, a, b, half_width):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= half_width**2


def colour(x, y):
    # Coordinates in the SVG's 512 x 512 space.
    if near_segment(x, y, (170, 322), (222, 374), 22) or near_segment(x, y, (222, 374), (340, 256), 22):
        return GREEN
    if inside_round_rect(x, y, 152, 150, 208, 24, 12) or inside_round_rect(x, y, 152, 206, 208, 24, 12):
        return GREY
    if inside_round_rect(x, y, 112, 96, 288, 336, 24):
        return WHITE
    if inside_round_rect(x, y, 0, 0, 512, 512, 72):
        return BLUE
    return None


def png(size):
    rows = []
    scale = 512 / size
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            c = colour((px + 0.5) * scale, (py + 0.5) * scale)
            row += bytes(c + (255,)) if c else bytes((0, 0, 0, 0))
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "www/icons"
    for size in (192, 512):
        with open(f"{out}/icon-{size}.png", "wb") as f:
            f.write(png(size))
