// Registers the service worker that keeps the page working offline.
// Not on file:// (the single-file bundle), where service workers are not allowed.
if ('serviceWorker' in navigator && window.location.protocol !== 'file:') {
  navigator.serviceWorker.register('sw.js').catch((error) => {
    console.warn('sfo-check: offline use is not available:', error);
  });
}
