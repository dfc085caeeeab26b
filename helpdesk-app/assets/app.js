/*
 * Switchboard's ticket sidebar app (Zendesk Apps Framework v2, plain JavaScript, no build step).
 *
 * One read: GET <switchboardUrl>/api/tickets/<id>/summary, through Zendesk's proxy, which puts the secure
 * setting apiKey into the request (the key never reaches this browser). Changes: POST /api/links,
 * DELETE /api/links/<id>, POST /api/calls, POST /api/sessions. Refreshes on the ticket's ZAF events and
 * at most every 30 s otherwise. Every value shown goes in as text (textContent), never as HTML.
 */
(function () {
  'use strict';

  var REFRESH_MS = 30000;
  var EVENT_DEBOUNCE_MS = 800;
  var PHONE_KEY = 'switchboard.agentPhone';

  var client = window.ZAFClient.init();
  var state = {
    baseUrl: null,
    ticketId: null,
    agentEmail: null,
    requester: null,
    lastLoad: 0,
    loading: false,
    again: false,
    timer: null,
    debounce: null
  };

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  /** A link only for http(s) URLs; anything else is shown as text. */
  function link(url, text) {
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
      return el('span', null, text);
    }
    var a = el('a', null, text);
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  function ago(iso) {
    if (!iso) {
      return '';
    }
    var seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
    if (seconds < 60) {
      return 'just now';
    }
    if (seconds < 3600) {
      return Math.floor(seconds / 60) + ' min ago';
    }
    if (seconds < 86400) {
      return Math.floor(seconds / 3600) + ' h ago';
    }
    return new Date(iso).toLocaleDateString();
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) {
      return '';
    }
    var minutes = Math.floor(seconds / 60);
    return (minutes > 0 ? minutes + ' min ' : '') + (seconds % 60) + ' s';
  }

  function resize() {
    client.invoke('resize', { width: '100%', height: Math.ceil(document.body.scrollHeight) + 'px' });
  }

  // ---- talking to Switchboard through Zendesk's proxy ----

  function request(method, path, body) {
    var options = {
      url: state.baseUrl + path,
      type: method,
      headers: { Authorization: 'Bearer {{setting.apiKey}}', Accept: 'application/json' },
      secure: true,
      cors: false,
      httpCompleteResponse: true,
      timeout: 15000
    };
    if (body !== undefined) {
      options.contentType = 'application/json';
      options.data = JSON.stringify(body);
    }
    return client.request(options).then(function (response) {
      return parsed(response);
    }, function (failure) {
      throw problemOf(failure);
    });
  }

  function parsed(response) {
    if (response && response.responseJSON !== undefined) {
      return response.responseJSON;
    }
    var text = response && response.responseText;
    return text ? JSON.parse(text) : null;
  }

  /** What went wrong and what to do about it, from a failed request. */
  function problemOf(failure) {
    var status = (failure && failure.status) || 0;
    var problem = null;
    try {
      problem = failure.responseJSON || (failure.responseText ? JSON.parse(failure.responseText) : null);
    } catch (ignored) {
      problem = null;
    }
    var detail = problem && (problem.detail || problem.title);
    var message;
    if (status === 401) {
      message = 'Switchboard did not accept the app\'s API key. Ask your Zendesk admin to set the app\'s API key '
        + 'setting to a Switchboard key with the agent role.';
    } else if (status === 403) {
      message = 'The app\'s API key may not do this. Ask your Switchboard admin for a key with the agent role'
        + (detail ? ' (' + detail + ')' : '') + '.';
    } else if (status === 429) {
      message = 'Switchboard is busy with this key\'s requests. Wait a moment and try again.';
    } else if (status === 0 || status === 502 || status === 503 || status === 504) {
      message = 'Switchboard is unreachable at ' + state.baseUrl + '. Check the app\'s Switchboard URL setting, '
        + 'or try again in a minute' + (detail ? ' (' + detail + ')' : '') + '.';
    } else if (detail) {
      message = detail;
    } else {
      message = 'Switchboard answered ' + status + '. Try again; if it persists, tell your Switchboard admin.';
    }
    return { status: status, message: message };
  }

  function showError(message) {
    var box = $('error');
    box.textContent = message;
    box.hidden = !message;
    resize();
  }

  // ---- the summary ----

  function load(force) {
    if (!state.ticketId || !state.baseUrl) {
      return Promise.resolve();
    }
    if (state.loading) {
      // a change made while a refresh is under way: refresh once more when it is done
      state.again = state.again || force;
      return Promise.resolve();
    }
    if (!force && Date.now() - state.lastLoad < REFRESH_MS - 2000) {
      return Promise.resolve();
    }
    state.loading = true;
    return request('GET', '/api/tickets/' + encodeURIComponent(state.ticketId) + '/summary').then(function (summary) {
      state.lastLoad = Date.now();
      render(summary);
      showError(summary.missing && summary.missing.length
        ? 'Not shown: ' + summary.missing.join(', ') + ' did not answer. It refreshes by itself.' : '');
    }, function (problem) {
      state.lastLoad = Date.now();
      showError(problem.message);
    }).then(function () {
      state.loading = false;
      if (state.again) {
        state.again = false;
        load(true);
      }
      $('status').hidden = true;
      $('updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
      resize();
    });
  }

  function render(summary) {
    renderIssues(summary.issues || []);
    renderCalls(summary.calls || []);
    renderSessions(summary.sessions || []);
    renderIncident(summary.incident);
  }

  var STAGES = { open: 'Open', 'in-progress': 'In progress', closed: 'Closed' };

  function renderIssues(issues) {
    var list = $('issues');
    list.replaceChildren();
    issues.forEach(function (issue) {
      var item = el('li', 'item issue');
      item.dataset.key = issue.key;
      item.dataset.stage = issue.stage;
      var head = el('div', 'head');
      head.appendChild(el('span', 'tracker ' + issue.tracker, issue.tracker === 'jira' ? 'J' : 'GH'))
        .title = issue.tracker === 'jira' ? 'Jira' : 'GitHub';
      head.appendChild(link(issue.url, issue.key));
      head.appendChild(el('span', 'spacer'));
      var stage = STAGES[issue.stage] || issue.stage;
      var badge = el('span', 'badge ' + issue.stage,
        stage + (issue.tracker === 'jira' || issue.state.toLowerCase() !== issue.stage ? ' · ' + issue.state : ''));
      badge.dataset.role = 'state';
      head.appendChild(badge);
      item.appendChild(head);
      item.appendChild(el('div', 'title', issue.title));
      var meta = el('div', 'meta');
      meta.appendChild(el('span', null, (issue.assignee ? issue.assignee : 'Unassigned') + ' · changed '
        + ago(issue.updatedAt) + ' · ' + issue.reports + (issue.reports === 1 ? ' ticket' : ' tickets') + ' · '));
      var unlink = el('button', 'link', 'Unlink');
      unlink.type = 'button';
      unlink.addEventListener('click', function () {
        unlink.disabled = true;
        request('DELETE', '/api/links/' + encodeURIComponent(issue.linkId)).then(function () {
          return load(true);
        }, function (problem) {
          unlink.disabled = false;
          showError(problem.message);
        });
      });
      meta.appendChild(unlink);
      item.appendChild(meta);
      list.appendChild(item);
    });
    $('issues-empty').hidden = issues.length > 0;
  }

  function renderCalls(calls) {
    var list = $('calls');
    list.replaceChildren();
    calls.forEach(function (call) {
      var item = el('li', 'item call');
      item.dataset.callSid = call.callSid;
      var head = el('div', 'head');
      head.appendChild(el('span', null, (call.direction === 'inbound' ? '↙ Inbound' : '↗ Outbound')));
      head.appendChild(el('span', 'spacer'));
      head.appendChild(el('span', 'badge ' + (call.active ? 'live' : (call.missed ? 'in-progress' : 'ended')),
        call.active ? 'Active · ' + call.status : (call.missed ? 'Missed' : call.status)));
      item.appendChild(head);
      var meta = el('div', 'meta');
      meta.appendChild(el('span', null, new Date(call.startedAt).toLocaleString()
        + (call.durationSeconds ? ' · ' + duration(call.durationSeconds) : '')
        + (call.ticketId && call.ticketId !== state.ticketId ? ' · ticket #' + call.ticketId : '')));
      if (call.recordingUrl) {
        meta.appendChild(el('span', null, ' · '));
        meta.appendChild(link(call.recordingUrl, 'Recording'));
      }
      item.appendChild(meta);
      list.appendChild(item);
    });
    $('calls-empty').hidden = calls.length > 0;
  }

  var PROVIDERS = { teamviewer: 'TeamViewer', guacamole: 'Guacamole' };

  function renderSessions(sessions) {
    var list = $('sessions');
    list.replaceChildren();
    sessions.forEach(function (session) {
      var item = el('li', 'item session');
      item.dataset.sessionId = session.id;
      var head = el('div', 'head');
      head.appendChild(el('span', null, PROVIDERS[session.provider] || session.provider));
      head.appendChild(el('span', 'spacer'));
      head.appendChild(el('span', 'badge ' + (session.live ? 'live' : 'ended'), session.state));
      item.appendChild(head);
      var meta = el('div', 'meta');
      meta.appendChild(el('span', null, session.agent + ' · ' + new Date(session.createdAt).toLocaleString()
        + (session.durationSeconds ? ' · ' + duration(session.durationSeconds) : '')));
      if (session.live && session.agentUrl) {
        meta.appendChild(el('span', null, ' · '));
        var open = link(session.agentUrl, 'Open agent link');
        open.className = 'agent-link';
        meta.appendChild(open);
      }
      item.appendChild(meta);
      list.appendChild(item);
    });
    $('sessions-empty').hidden = sessions.length > 0;
  }

  function renderIncident(incident) {
    var box = $('incident');
    box.replaceChildren();
    box.hidden = !incident;
    if (!incident) {
      return;
    }
    box.appendChild(el('strong', null, 'Open status incident: ' + incident.title));
    var meta = el('div', 'meta');
    meta.appendChild(el('span', null, incident.status + ' since ' + new Date(incident.since).toLocaleString()
      + (incident.components && incident.components.length ? ' · ' + incident.components.join(', ') : '') + ' · '));
    meta.appendChild(link(incident.link, 'Status page'));
    box.appendChild(meta);
  }

  // ---- actions ----

  function busy(button, yes) {
    button.disabled = yes;
  }

  $('link-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = $('issue-url');
    var button = $('link-button');
    busy(button, true);
    request('POST', '/api/links', { ticketId: state.ticketId, issueUrl: input.value.trim() }).then(function () {
      input.value = '';
      showError('');
      return load(true);
    }, function (problem) {
      showError(problem.message);
    }).then(function () {
      busy(button, false);
    });
  });

  $('call-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var phone = $('agent-phone').value.trim();
    var button = $('call-button');
    try {
      window.localStorage.setItem(PHONE_KEY, phone);
    } catch (ignored) {
      // storage may be off: the agent types the number again next time
    }
    busy(button, true);
    // no customerPhone: Switchboard dials the requester's number, within its destination policy
    request('POST', '/api/calls', { ticketId: state.ticketId, agentPhone: phone }).then(function () {
      showError('');
      return load(true);
    }, function (problem) {
      showError(problem.message);
    }).then(function () {
      busy(button, false);
    });
  });

  $('provider').addEventListener('change', function () {
    $('connection').hidden = $('provider').value !== 'guacamole';
    resize();
  });

  $('session-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var button = $('session-button');
    var provider = $('provider').value;
    var body = {
      ticketId: state.ticketId,
      provider: provider,
      agentEmail: state.agentEmail,
      customer: state.requester ? { name: state.requester.name, email: state.requester.email } : undefined
    };
    if (provider === 'guacamole') {
      body.connection = {
        protocol: $('protocol').value,
        hostname: $('hostname').value.trim(),
        port: parseInt($('port').value, 10)
      };
    }
    busy(button, true);
    request('POST', '/api/sessions', body).then(function (session) {
      showError('');
      showStarted(session);
      return load(true);
    }, function (problem) {
      showError(problem.message);
    }).then(function () {
      busy(button, false);
    });
  });

  function showStarted(session) {
    var box = $('started');
    box.replaceChildren();
    box.hidden = false;
    box.appendChild(el('strong', null, (PROVIDERS[session.provider] || session.provider) + ' session '
      + session.state));
    if (session.agentUrl) {
      var agent = el('div');
      var open = link(session.agentUrl, 'Open the agent link');
      open.id = 'started-agent-link';
      agent.appendChild(open);
      box.appendChild(agent);
    } else {
      box.appendChild(el('div', 'meta', 'Waiting for the vendor: the links appear here once it answers.'));
    }
    if (session.customerUrl) {
      box.appendChild(el('div', 'meta',
        'The customer gets this link in a public reply on the ticket. To send it another way, copy:'));
      var text = el('textarea');
      text.id = 'customer-text';
      text.rows = 4;
      text.readOnly = true;
      text.value = 'Please join our remote support session: ' + session.customerUrl
        + (session.expiresAt ? ' (the link works until ' + new Date(session.expiresAt).toLocaleTimeString() + ')'
          : '');
      box.appendChild(text);
    }
    resize();
  }

  // ---- start ----

  function scheme(value) {
    if (value === 'dark' || value === 'light') {
      document.documentElement.dataset.theme = value;
    }
  }

  function refreshSoon() {
    window.clearTimeout(state.debounce);
    state.debounce = window.setTimeout(function () {
      load(true);
    }, EVENT_DEBOUNCE_MS);
  }

  try {
    $('agent-phone').value = window.localStorage.getItem(PHONE_KEY) || '';
  } catch (ignored) {
    // no storage: the field starts empty
  }

  client.on('app.registered', function () {
    resize();
  });
  ['ticket.updated', 'ticket.submit.done', 'ticket.requester.id.changed', 'ticket.status.changed',
    'app.activated'].forEach(function (name) {
    client.on(name, refreshSoon);
  });
  client.on('colorScheme.changed', scheme);

  Promise.all([client.metadata(), client.get(['ticket.id', 'ticket.requester', 'currentUser'])]).then(function (got) {
    var settings = (got[0] && got[0].settings) || {};
    var data = got[1] || {};
    state.baseUrl = String(settings.switchboardUrl || '').replace(/\/+$/, '');
    state.ticketId = data['ticket.id'] !== undefined ? String(data['ticket.id']) : null;
    state.requester = data['ticket.requester'] || null;
    state.agentEmail = data.currentUser ? data.currentUser.email : null;
    if (!/^https?:\/\//i.test(state.baseUrl)) {
      $('status').hidden = true;
      showError('The app\'s Switchboard URL setting is not set. Ask your Zendesk admin to set it to the gateway\'s '
        + 'https URL.');
      return;
    }
    if (!state.ticketId) {
      $('status').textContent = 'Save the ticket first: Switchboard works with saved tickets.';
      return;
    }
    load(true);
    state.timer = window.setInterval(function () {
      load(false);
    }, REFRESH_MS);
  }, function () {
    showError('Zendesk did not give the app the ticket. Reload the page.');
  });
  client.get('colorScheme').then(function (data) {
    scheme(data && data.colorScheme);
  }, function () {
    // older Zendesk: the system's preference applies (CSS)
  });
}());
