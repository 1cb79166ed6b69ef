// GET /embed.js — Caisse.initEmbeddedCheckout({ clientSecret }).mount('#checkout') for the merchant's page
const SCRIPT = `(function () {
  'use strict';
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  function resolve(target) {
    var el = typeof target === 'string' ? document.querySelector(target) : target;
    if (!el) throw new Error('Caisse: mount target not found: ' + target);
    return el;
  }
  function initEmbeddedCheckout(options) {
    if (!options || typeof options.clientSecret !== 'string' || options.clientSecret.indexOf('_secret_') < 0)
      throw new Error('Caisse: initEmbeddedCheckout needs the session\\'s clientSecret');
    var sessionId = options.clientSecret.split('_secret_')[0];
    var iframe = null;
    function onMessage(event) {
      if (!iframe || event.origin !== origin || event.source !== iframe.contentWindow) return;
      var data = event.data || {};
      if (data.type === 'caisse:resize' && typeof data.height === 'number') iframe.style.height = Math.ceil(data.height) + 'px';
      if (data.type === 'caisse:complete' && typeof data.url === 'string') {
        if (typeof options.onComplete === 'function') options.onComplete({ url: data.url });
        else window.location.assign(data.url);
      }
    }
    return {
      mount: function (target) {
        if (iframe) throw new Error('Caisse: this checkout is already mounted');
        iframe = document.createElement('iframe');
        iframe.src = origin + '/c/' + encodeURIComponent(sessionId);
        iframe.title = 'Checkout';
        iframe.setAttribute('allow', 'payment');
        iframe.style.cssText = 'width:100%;min-height:480px;border:0;display:block;color-scheme:normal';
        window.addEventListener('message', onMessage);
        resolve(target).appendChild(iframe);
      },
      destroy: function () {
        window.removeEventListener('message', onMessage);
        if (iframe && iframe.parentNode) iframe.parentNode.removeChild(iframe);
        iframe = null;
      },
    };
  }
  window.Caisse = Object.assign(window.Caisse || {}, { initEmbeddedCheckout: initEmbeddedCheckout });
})();
`;

export function GET() {
  return new Response(SCRIPT, {
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    },
  });
}
