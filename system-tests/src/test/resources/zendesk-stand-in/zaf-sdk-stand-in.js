/*
 * Test only: stands in for Zendesk's ZAF SDK (zaf_sdk.min.js) inside the app's iframe. As the real SDK
 * does, it talks to the host page (Zendesk's agent interface, here host.html) by postMessage: get,
 * metadata, invoke and request are asked of the host, events come from it.
 */
(function () {
  'use strict';
  var pending = {};
  var handlers = {};
  var next = 0;

  function ask(kind, payload) {
    return new Promise(function (resolve, reject) {
      next += 1;
      pending[next] = { resolve: resolve, reject: reject };
      window.parent.postMessage({ zafStandIn: true, id: next, kind: kind, payload: payload }, '*');
    });
  }

  window.addEventListener('message', function (event) {
    var message = event.data;
    if (!message || event.source !== window.parent) {
      return;
    }
    if (message.zafStandInEvent) {
      (handlers[message.name] || []).forEach(function (handler) {
        handler(message.data);
      });
      return;
    }
    if (message.zafStandInReply && pending[message.id]) {
      var waiting = pending[message.id];
      delete pending[message.id];
      if (message.ok) {
        waiting.resolve(message.result);
      } else {
        waiting.reject(message.error);
      }
    }
  });

  window.ZAFClient = {
    init: function () {
      var client = {
        get: function (paths) { return ask('get', paths); },
        metadata: function () { return ask('metadata'); },
        invoke: function (name, args) { return ask('invoke', { name: name, args: args }); },
        request: function (options) { return ask('request', options); },
        on: function (name, handler) {
          (handlers[name] = handlers[name] || []).push(handler);
        }
      };
      window.setTimeout(function () {
        (handlers['app.registered'] || []).forEach(function (handler) { handler({}); });
      }, 0);
      return client;
    }
  };
}());
