// Small DOM helpers. Every string goes in as text (textContent or a text
// node), never as HTML, so nothing typed or reported can become markup.

const BOOLEAN_ATTRS = new Set(['hidden', 'disabled', 'checked', 'selected', 'open', 'multiple', 'required']);

/**
 * h('p', { class: 'govuk-body', id: 'x' }, 'text', child, [more children])
 * Attribute values are set with setAttribute / properties; children that are
 * strings become text nodes. null, undefined and false children are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') {
        el.textContent = String(value);
      } else if (name === 'value' && 'value' in el) {
        el.value = String(value);
      } else if (name === 'style') {
        throw new Error('inline styles are not allowed (CSP)');
      } else if (name.startsWith('on')) {
        throw new Error('inline handlers are not allowed (CSP)');
      } else if (BOOLEAN_ATTRS.has(name)) {
        if (value) el.setAttribute(name, '');
      } else {
        el.setAttribute(name, String(value));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** h() for SVG: the same rules, so nothing typed can become markup or inline style. */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'style' || name.startsWith('on')) throw new Error('inline styles and handlers are not allowed (CSP)');
    el.setAttribute(name, String(value));
  }
  return append(el, children);
}

/** A GOV.UK visually hidden span. */
export const hidden = (text) => h('span', { class: 'govuk-visually-hidden' }, text);

/** Focuses a control the way GOV.UK's error summary does: its label or legend in view. */
export function focusControl(el) {
  if (!el) return false;
  const fieldset = el.closest('fieldset');
  let anchor = null;
  if (fieldset) {
    const legend = fieldset.querySelector('legend');
    if (legend) {
      const legendTop = legend.getBoundingClientRect().top;
      const rect = el.getBoundingClientRect();
      const isChoice = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
      if (isChoice || (rect.height && rect.top + rect.height - legendTop < window.innerHeight / 2)) anchor = legend;
    }
  }
  anchor ??= (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) || el;
  anchor.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
  return true;
}

/** Makes a non-interactive element focusable by script only, then focuses it. */
export function focusStatic(el) {
  if (!el) return;
  if (!el.hasAttribute('tabindex')) {
    el.setAttribute('tabindex', '-1');
    el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
  }
  el.focus();
}

/** A click handler for links to a field (#id): focuses the control the GOV.UK way. */
export function onFieldLink(event) {
  const link = event.target.closest('a[href^="#"]');
  if (!link) return;
  const el = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!el) return;
  if (el.matches('input, select, textarea, button')) {
    event.preventDefault();
    focusControl(el);
  }
}

/** Says `text` through a live region; a fresh text node after a tick is announced even when the text repeats. */
export function announcer(region) {
  return (text) => {
    replace(region, '');
    setTimeout(() => replace(region, text), 50);
  };
}
