// The live dashboard: polls GET /v1/dashboard every 2 s and draws what it gets, with plain DOM and SVG.
// Everything from the server is put in the page as text (textContent), never as HTML.
(function () {
  'use strict';

  var REFRESH_MS = 2000;
  var SVG = 'http://www.w3.org/2000/svg';

  // Known outcomes keep their colour; any other status gets one from the spare palette, stable by name.
  var COLOURS = {
    GRANTED: '#38a169', SOLD_OUT: '#e53e3e', LIMIT_EXCEEDED: '#dd6b20', NOT_STARTED: '#a0aec0',
    ENDED: '#718096', PAUSED: '#b7791f', BLOCKED: '#805ad5', UNKNOWN_TEMPLATE: '#4a5568',
    KEY_REUSED: '#d53f8c', PENDING: '#3182ce', RATE_LIMITED: '#c53030', UNAVAILABLE: '#9b2c2c',
    LOCKED: '#3182ce', USED: '#38a169', CANCELLED: '#a0aec0', EXPIRED: '#718096', REFUNDED: '#d69e2e',
    // Redemptions that moved no order: counted apart, so USED, LOCKED, … are only the transitions made.
    REPEATED: '#cbd5e0', REJECTED: '#e53e3e',
    ACTIVE: '#38a169'
  };
  var SPARE = ['#319795', '#d69e2e', '#667eea', '#ed64a6', '#48bb78', '#9f7aea', '#f56565', '#4299e1'];

  function colour(status) {
    if (COLOURS[status]) {
      return COLOURS[status];
    }
    var h = 0;
    for (var i = 0; i < status.length; i++) {
      h = (h * 31 + status.charCodeAt(i)) >>> 0;
    }
    return SPARE[h % SPARE.length];
  }

  function byId(id) {
    return document.getElementById(id);
  }

  // Embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI): in a name they would
  // reorder what follows them, so user text is shown without them (and in its own <bdi>, see userText).
  var BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

  /** Text a user chose (a template's name), isolated from its surroundings and stripped of bidi controls. */
  function userText(text) {
    return el('bdi', null, String(text === undefined || text === null ? '' : text).replace(BIDI_CONTROLS, ''));
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

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) {
      node.textContent = String(text);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function fmt(n) {
    return Number(n).toLocaleString('en-US');
  }

  function fmtRate(n) {
    return n >= 100 ? fmt(Math.round(n)) : (Math.round(n * 10) / 10).toLocaleString('en-US');
  }

  function sum(map) {
    return Object.keys(map || {}).reduce(function (s, k) { return s + map[k]; }, 0);
  }

  function hhmmss(date) {
    return date.toISOString().substring(11, 19);
  }

  function shortDate(iso) {
    return iso ? iso.substring(0, 16).replace('T', ' ') : '–';
  }

  // ---- activity -------------------------------------------------------------------------------------------

  /** Sums each status over the series: {STATUS: n}. */
  function windowTotals(series, field) {
    var totals = {};
    series.forEach(function (point) {
      var counts = point[field] || {};
      Object.keys(counts).forEach(function (status) {
        totals[status] = (totals[status] || 0) + counts[status];
      });
    });
    return totals;
  }

  /** Statuses in a stable order: the busiest first, then by name. */
  function orderedStatuses(totals) {
    return Object.keys(totals).sort(function (a, b) {
      return (totals[b] - totals[a]) || (a < b ? -1 : a > b ? 1 : 0);
    });
  }

  /**
   * Stacked bars of one counter per interval, over the whole window ending now. With perSecond, bar heights
   * are rates (count / interval) and a line shows the total rate.
   */
  function drawStacked(target, activity, field, perSecond, nowMs) {
    var box = target.viewBox.baseVal;
    var width = box.width;
    var height = box.height;
    var left = 44;
    var right = 8;
    var top = 8;
    var bottom = 22;
    var plotW = width - left - right;
    var plotH = height - top - bottom;
    var intervalMs = activity.intervalSeconds * 1000;
    var windowMs = activity.windowSeconds * 1000;
    var start = nowMs - windowMs;
    var series = activity.series.filter(function (p) { return Date.parse(p.at) > start; });
    var totals = windowTotals(series, field);
    var statuses = orderedStatuses(totals).reverse(); // busiest at the bottom of each stack
    var scale = perSecond ? 1 / activity.intervalSeconds : 1;

    var max = 0;
    series.forEach(function (p) {
      max = Math.max(max, sum(p[field]) * scale);
    });
    var step = niceStep(max / 4);
    var ticks = Math.max(1, Math.ceil(max / step - 1e-9));
    var yMax = step * ticks;

    clear(target);
    // Grid lines and y labels.
    for (var i = 0; i <= ticks; i++) {
      var y = top + plotH - plotH * i / ticks;
      target.appendChild(svg('line', {class: 'grid', x1: left, x2: width - right, y1: y, y2: y}));
      target.appendChild(svg('text', {x: left - 6, y: y + 4, 'text-anchor': 'end'}, fmtTick(step * i)));
    }
    // Time labels every 3 minutes, counted back from now.
    var minutes = windowMs / 60000;
    for (var m = 0; m <= minutes; m += 3) {
      var x = left + plotW * (1 - m / minutes);
      var anchor = m === 0 ? 'end' : 'middle';
      target.appendChild(svg('line', {class: 'axis', x1: x, x2: x, y1: top + plotH, y2: top + plotH + 4}));
      target.appendChild(svg('text', {x: x, y: height - 6, 'text-anchor': anchor}, m === 0 ? 'now' : '−' + m + ' min'));
    }
    target.appendChild(svg('line', {class: 'axis', x1: left, x2: width - right, y1: top + plotH, y2: top + plotH}));

    if (series.length === 0 || max === 0) {
      target.appendChild(svg('text', {class: 'nodata', x: left + plotW / 2, y: top + plotH / 2, 'text-anchor': 'middle'},
          'nothing counted on this instance in the last ' + Math.round(windowMs / 60000) + ' min'));
      return statuses.reverse();
    }

    var barW = Math.max(1, plotW * intervalMs / windowMs - 1);
    var rateLine = [];
    series.forEach(function (point) {
      var end = Date.parse(point.at);
      var x0 = left + plotW * (end - intervalMs - start) / windowMs;
      var counts = point[field] || {};
      var base = top + plotH;
      statuses.forEach(function (status) {
        var n = counts[status] || 0;
        if (n > 0) {
          var h = plotH * (n * scale) / yMax;
          var rect = svg('rect', {x: Math.max(left, x0), y: base - h, width: barW, height: h, fill: colour(status)});
          rect.appendChild(svg('title', {}, status + ': ' + fmt(n) + ' at ' + hhmmss(new Date(end))));
          target.appendChild(rect);
          base -= h;
        }
      });
      rateLine.push((x0 + barW / 2).toFixed(1) + ',' + base.toFixed(1));
    });
    if (perSecond && rateLine.length > 1) {
      target.appendChild(svg('polyline', {class: 'rate', points: rateLine.join(' ')}));
    }
    return statuses.reverse();
  }

  /** A round step (1, 2 or 5 times a power of ten) at least {@code value}. */
  function niceStep(value) {
    if (!(value > 0)) {
      return 1;
    }
    var magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (value <= steps[i] * magnitude * (1 + 1e-9)) {
        return steps[i] * magnitude;
      }
    }
    return 10 * magnitude;
  }

  function fmtTick(value) {
    return value >= 1 || value === 0 ? fmt(Math.round(value * 100) / 100) : String(Number(value.toPrecision(2)));
  }

  function drawLegend(target, statuses) {
    clear(target);
    statuses.forEach(function (status) {
      var item = el('span');
      var swatch = el('span', 'swatch');
      swatch.style.background = colour(status);
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(status));
      target.appendChild(item);
    });
  }

  function drawMix(target, totals) {
    clear(target);
    var all = sum(totals);
    if (all === 0) {
      return;
    }
    orderedStatuses(totals).forEach(function (status) {
      var share = totals[status] / all;
      var part = el('div', 'part', share >= 0.08 ? status + ' ' + Math.round(share * 100) + '%' : '');
      part.style.width = (share * 100) + '%';
      part.style.background = colour(status);
      part.title = status + ': ' + fmt(totals[status]) + ' (' + (share * 100).toFixed(1) + '%)';
      target.appendChild(part);
    });
  }

  function drawRedemptionCounts(target, windowCounts, sinceStart) {
    clear(target);
    var statuses = orderedStatuses(Object.assign({}, sinceStart, windowCounts));
    if (statuses.length === 0) {
      var row = el('tr', 'empty');
      var cell = el('td', null, 'no redemptions yet');
      cell.colSpan = 3;
      row.appendChild(cell);
      target.appendChild(row);
      return;
    }
    statuses.forEach(function (status) {
      var tr = el('tr');
      var name = el('td');
      var swatch = el('span', 'swatch');
      swatch.style.cssText = 'display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;background:'
          + colour(status);
      name.appendChild(swatch);
      name.appendChild(document.createTextNode(status));
      tr.appendChild(name);
      tr.appendChild(el('td', 'num', fmt(windowCounts[status] || 0)));
      tr.appendChild(el('td', 'num', fmt(sinceStart[status] || 0)));
      target.appendChild(tr);
    });
  }

  function drawActivity(activity, nowMs) {
    var series = activity.series;
    var claimTotals = windowTotals(series, 'claims');
    var redemptionTotals = windowTotals(series, 'redemptions');
    var last = series.length ? series[series.length - 1] : null;

    Array.prototype.forEach.call(document.querySelectorAll('.interval'), function (node) {
      node.textContent = String(activity.intervalSeconds);
    });
    byId('kpi-rate').textContent = last ? fmtRate(sum(last.claims) / activity.intervalSeconds) : '0';
    byId('kpi-claims').textContent = fmt(sum(claimTotals));
    byId('kpi-granted').textContent = fmt(claimTotals.GRANTED || 0);
    byId('kpi-redemptions').textContent = fmt(sum(redemptionTotals));

    var claimStatuses = drawStacked(byId('claims-chart'), activity, 'claims', true, nowMs);
    drawLegend(byId('claims-legend'), claimStatuses);
    drawMix(byId('claims-mix'), claimTotals);
    drawStacked(byId('redemptions-chart'), activity, 'redemptions', false, nowMs);
    drawRedemptionCounts(byId('redemption-counts'), redemptionTotals, activity.redemptionTotals || {});
  }

  // ---- templates ------------------------------------------------------------------------------------------

  // Template ids arrive as strings (they may exceed 2^53, where a JavaScript number loses digits).
  function drawTemplates(templates, truncated) {
    var body = byId('template-rows');
    clear(body);
    var units = 0;
    if (templates.length === 0) {
      var row = el('tr', 'empty');
      var cell = el('td', null, 'no templates yet');
      cell.colSpan = 7;
      row.appendChild(cell);
      body.appendChild(row);
    }
    templates.forEach(function (t) {
      units += t.remaining;
      var tr = el('tr');
      tr.setAttribute('data-template-id', String(t.id));
      tr.appendChild(el('td', 'num', t.id));
      var nameCell = el('td', 'name');
      nameCell.appendChild(userText(t.name));
      tr.appendChild(nameCell);
      tr.appendChild(el('td', null, t.type));
      var statusCell = el('td');
      var pill = el('span', 'pill', t.status);
      pill.style.background = colour(t.status);
      statusCell.appendChild(pill);
      tr.appendChild(statusCell);

      var stockCell = el('td');
      var stock = el('div', 'stock');
      var bar = el('div', 'bar');
      var fill = el('div', 'fill');
      var share = t.totalCount > 0 ? t.remaining / t.totalCount : 0;
      fill.style.width = (share * 100).toFixed(1) + '%';
      fill.style.background = t.remaining === 0 ? colour('SOLD_OUT') : '';
      bar.appendChild(fill);
      stock.appendChild(bar);
      stock.appendChild(el('span', 'figure', fmt(t.remaining) + ' / ' + fmt(t.totalCount)));
      stockCell.appendChild(stock);
      tr.appendChild(stockCell);

      tr.appendChild(el('td', 'num', t.perUserLimit));
      tr.appendChild(el('td', 'muted', shortDate(t.startTime) + ' → ' + shortDate(t.endTime)));
      body.appendChild(tr);
    });
    byId('kpi-stock').textContent = fmt(templates.length) + ' / ' + fmt(units);
    byId('templates-note').textContent = truncated
        ? 'Showing the first ' + fmt(templates.length) + ' templates by id.' : '';
  }

  // ---- polling --------------------------------------------------------------------------------------------

  function setState(state, text) {
    var pill = byId('state');
    pill.className = 'pill pill-' + state;
    pill.textContent = text;
    document.body.setAttribute('data-state', state);
  }

  function showProblem(text) {
    var problem = byId('problem');
    problem.textContent = text || '';
    problem.hidden = !text;
  }

  function render(view) {
    var now = Date.parse(view.at);
    drawActivity(view.activity, now);
    if (view.templates) {
      drawTemplates(view.templates, view.templatesTruncated);
      showProblem(null);
      setState('live', 'live');
    } else {
      showProblem('Templates unavailable: ' + view.templatesError + ' (showing the last list received)');
      setState('stale', 'templates stale');
    }
    byId('updated').textContent = 'updated ' + hhmmss(new Date(now)) + ' UTC';
  }

  // With COUPON_API_KEYS set, the data needs a management key; it is asked for once and kept for this tab only.
  var KEY_ITEM = 'coupon-management-key';

  function headers() {
    var h = {Accept: 'application/json'};
    var key = window.sessionStorage.getItem(KEY_ITEM);
    if (key) {
      h.Authorization = 'Bearer ' + key;
    }
    return h;
  }

  function refresh() {
    fetch('/v1/dashboard', {cache: 'no-store', headers: headers()})
        .then(function (response) {
          if (response.status === 401 || response.status === 403) {
            var key = window.prompt('This server asks for a management key to show its dashboard:');
            if (key) {
              window.sessionStorage.setItem(KEY_ITEM, key.trim());
            }
            throw new Error('the server asks for a management key');
          }
          if (!response.ok) {
            throw new Error('the server answered ' + response.status);
          }
          return response.json();
        })
        .then(render)
        .catch(function (error) {
          showProblem('No update: ' + error.message + '. Retrying every ' + REFRESH_MS / 1000 + ' s.');
          setState('stale', 'stale');
        })
        .then(function () {
          setTimeout(refresh, REFRESH_MS);
        });
  }

  refresh();
}());
