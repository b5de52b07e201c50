// The Sluice streaming UI: renders /api/v1/streaming/* into the page and refreshes itself every second. No
// external scripts (works offline); every value from the API is inserted as text, never as HTML.
(function () {
  'use strict';

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    (children || []).forEach(function (c) {
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return e;
  }

  function svg(tag, attrs, text) {
    var e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function get(url) {
    return fetch(url, { cache: 'no-store' }).then(function (r) {
      if (!r.ok) { throw new Error(url + ': ' + r.status); }
      return r.json();
    });
  }

  function ms(v) {
    if (v === null || v === undefined) { return '-'; }
    if (v >= 1000) { return (v / 1000).toFixed(3) + ' s'; }
    return (Number.isInteger(v) ? String(v) : v.toFixed(2)) + ' ms';
  }
  function us(v) { return v === null || v === undefined ? '-' : ms(v / 1000); }
  function bytes(v) {
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'], u = 0, x = v;
    while (x >= 1024 && u < units.length - 1) { x /= 1024; u++; }
    return v.toLocaleString('en-US') + ' bytes' + (u > 0 ? ' (' + x.toFixed(1) + ' ' + units[u] + ')' : '');
  }
  function time(batchId) { return new Date(batchId).toISOString().replace('T', ' ').replace('Z', ''); }
  function fill(tbody, rows) {
    while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
    rows.forEach(function (r) { tbody.appendChild(r); });
  }
  function td(v, cls) { return el('td', cls ? { 'class': cls } : null, [v]); }

  function timeline(values, label) {
    var w = 420, h = 90, s = svg('svg', { width: w, height: h, 'class': 'timeline', 'data-series': label });
    var max = Math.max.apply(null, values.concat([1]));
    if (values.length > 0) {
      var pts = values.map(function (v, i) {
        var x = values.length === 1 ? w / 2 : 30 + i * (w - 40) / (values.length - 1);
        return x.toFixed(1) + ',' + (h - 15 - (v / max) * (h - 25)).toFixed(1);
      });
      s.appendChild(svg('polyline', { 'class': 'line', points: pts.join(' '), 'data-points': values.length }));
    }
    s.appendChild(svg('text', { x: 0, y: 10, 'class': 'axis' }, String(Math.round(max * 100) / 100)));
    s.appendChild(svg('text', { x: 0, y: h - 3, 'class': 'axis' }, '0'));
    return s;
  }

  function histogram(values, label) {
    var w = 260, h = 90, bins = 10, s = svg('svg', { width: w, height: h, 'class': 'histogram', 'data-series': label });
    if (values.length === 0) { return s; }
    var max = Math.max.apply(null, values), min = Math.min.apply(null, values);
    var width = (max - min) / bins || 1, counts = new Array(bins).fill(0);
    values.forEach(function (v) { counts[Math.min(bins - 1, Math.floor((v - min) / width))]++; });
    var top = Math.max.apply(null, counts);
    counts.forEach(function (c, i) {
      var bh = (c / top) * (h - 25);
      s.appendChild(svg('rect', { 'class': 'bar', x: 10 + i * (w - 20) / bins, y: h - 15 - bh,
        width: (w - 20) / bins - 2, height: bh, 'data-count': c }));
    });
    s.appendChild(svg('text', { x: 10, y: h - 3, 'class': 'axis' }, String(Math.round(min * 100) / 100)));
    s.appendChild(svg('text', { x: w - 40, y: h - 3, 'class': 'axis' }, String(Math.round(max * 100) / 100)));
    return s;
  }

  function opsCell(b) { return (b.numCompletedOutputOps) + '/' + b.numTotalOutputOps
    + (b.numFailedOutputOps > 0 ? ' (' + b.numFailedOutputOps + ' failed)' : ''); }

  function batchLink(b) { return el('a', { href: '/streaming/batch/?id=' + b.batchId, 'data-batch': b.batchId },
    [time(b.batchId)]); }

  function renderStreaming() {
    return Promise.all([get('/api/v1/streaming/statistics'), get('/api/v1/streaming/receivers'),
      get('/api/v1/streaming/batches')]).then(function (all) {
      var stats = all[0], receivers = all[1], batches = all[2];
      var completed = batches.filter(function (b) { return b.status === 'COMPLETED'; });
      var active = batches.filter(function (b) { return b.status !== 'COMPLETED'; });
      document.getElementById('summary').textContent = 'Running batches of ' + ms(stats.batchDuration)
        + ' since ' + (stats.startTime || '-') + ' (' + stats.numTotalCompletedBatches + ' completed batches, '
        + stats.numProcessedRecords + ' records); state ' + stats.sluice.state;
      document.getElementById('retained').textContent = String(completed.length);
      var chrono = completed.slice().reverse();
      var series = [
        ['Input Rate', 'avg: ' + (stats.avgInputRate === null ? '-' : stats.avgInputRate.toFixed(2)) + ' records/sec',
          chrono.map(function (b) { return b.inputSize * 1000 / b.batchDuration; })],
        ['Scheduling Delay', 'avg: ' + ms(stats.avgSchedulingDelay), chrono.map(function (b) { return (b.schedulingDelayUs || 0) / 1000; })],
        ['Processing Time', 'avg: ' + ms(stats.avgProcessingTime), chrono.map(function (b) { return (b.processingTimeUs || 0) / 1000; })],
        ['Total Delay', 'avg: ' + ms(stats.avgTotalDelay), chrono.map(function (b) { return (b.totalDelayUs || 0) / 1000; })]];
      fill(document.querySelector('#stat-table tbody'), series.map(function (s) {
        return el('tr', { 'data-stat': s[0] }, [el('td', null, [el('strong', null, [s[0]]), el('br'),
          el('span', { 'class': 'avg-text' }, [s[1]])]), el('td', null, [timeline(s[2], s[0])]),
          el('td', null, [histogram(s[2], s[0])])]);
      }));
      fill(document.querySelector('#receivers-table tbody'), receivers.map(function (r) {
        return el('tr', null, [td(r.streamName), td(r.streamId, 'num'), td(r.isActive ? 'ACTIVE' : 'INACTIVE'),
          td(r.avgEventRate === null ? '-' : r.avgEventRate.toFixed(2), 'num'),
          td(r.lastErrorMessage ? r.lastErrorMessage + (r.lastErrorTime ? ' at ' + r.lastErrorTime : '') : '-')]);
      }));
      var s = stats.sluice;
      var letters = s.latestDeadLetters.map(function (d) { return d.stream + ': ' + d.reason; }).join('; ');
      fill(document.querySelector('#sluice-table tbody'), [
        ['Records accepted into the log', s.recordsAccepted],
        ['Ingest ring: slots not yet in the log', s.ringSlotsInUse + ' of ' + s.ringSlots],
        ['Dead letters', s.deadLetters
          + (s.deadLetterOverflow > 0 ? ' (+' + s.deadLetterOverflow + ' over the cap)' : '')],
        ['Latest dead-letter reasons', letters || '-'], ['Off-heap memory', bytes(s.offHeapBytes)
          + ', ' + bytes(s.offHeapCachedBytes) + ' cached for reuse'],
        ['Checkpoint', s.checkpointing ? ('snapshots on' + (s.lastSnapshot
          ? '; last of batch ' + time(s.lastSnapshot.batchTime) + ', ' + bytes(s.lastSnapshot.bytes) + ' in '
            + s.lastSnapshot.durationMs.toFixed(1) + ' ms' : '; none yet') + (s.restoredSnapshotTime !== null
          ? '; restored the snapshot of batch ' + time(s.restoredSnapshotTime) : '')) : 'no snapshots'],
        ['Keyed state', s.keyedState.length === 0 ? '-' : s.keyedState.map(function (st) {
          return st.id + ' (' + st.kind + '): ' + (st.keys < 0 ? 'not counted' : st.keys + ' keys'); }).join('; ')],
        ['Failed batches', s.failedBatches], ['Fatal error', s.fatalError || '-']].map(function (r) {
        return el('tr', null, [el('th', null, [r[0]]), td(r[1])]);
      }));
      document.getElementById('active-count').textContent = String(active.length);
      fill(document.querySelector('#active-batches-table tbody'), active.map(function (b) {
        return el('tr', { 'data-batch-id': b.batchId }, [el('td', null, [batchLink(b)]), td(b.inputSize, 'num'),
          td(us(b.schedulingDelayUs), 'num'), td(us(b.processingTimeUs), 'num'), td(opsCell(b)),
          td(b.status === 'PROCESSING' ? 'processing' : 'queued')]);
      }));
      document.getElementById('completed-count').textContent = String(completed.length);
      document.getElementById('completed-total').textContent = String(stats.numTotalCompletedBatches);
      fill(document.querySelector('#completed-batches-table tbody'), completed.map(function (b) {
        return el('tr', { 'data-batch-id': b.batchId }, [el('td', null, [batchLink(b)]), td(b.inputSize, 'num'),
          td(us(b.schedulingDelayUs), 'num'), td(us(b.processingTimeUs), 'num'), td(us(b.totalDelayUs), 'num'),
          td(opsCell(b), b.numFailedOutputOps > 0 ? 'failed' : null)]);
      }));
      document.body.setAttribute('data-rendered', String(stats.numTotalCompletedBatches));
    });
  }

  function renderBatch() {
    var id = new URLSearchParams(location.search).get('id');
    return get('/api/v1/streaming/batches/' + encodeURIComponent(id)).then(function (b) {
      document.getElementById('batch-title').textContent = 'Details of batch at ' + time(b.batchId);
      fill(document.querySelector('#batch-summary tbody'), [['Batch Duration', ms(b.batchDuration)],
        ['Input data size', b.inputSize + ' records'], ['Scheduling delay', us(b.schedulingDelayUs)],
        ['Processing time', us(b.processingTimeUs)], ['Total delay', us(b.totalDelayUs)], ['Status', b.status]]
        .map(function (r) { return el('tr', null, [el('th', null, [r[0]]), td(r[1])]); }));
      fill(document.querySelector('#streams-table tbody'), Object.keys(b.streamIdToNumRecords).map(function (k) {
        return el('tr', null, [td(k, 'num'), td(b.streamIdToNumRecords[k], 'num')]);
      }));
      fill(document.querySelector('#segments-table tbody'), b.segments.map(function (sg) {
        return el('tr', null, [td(sg.streamId, 'num'), td(sg.firstIndex, 'num'), td(sg.documents, 'num'),
          td(sg.records, 'num')]);
      }));
      document.getElementById('log-dump').textContent = b.logDumpCommand || '-';
      fill(document.querySelector('#output-ops-table tbody'), b.outputOperations.map(function (op) {
        var status = op.failureReason ? 'Failed' : op.endTime ? 'Succeeded' : 'Running';
        return el('tr', { 'data-op-id': op.outputOpId }, [td(op.outputOpId, 'num'), td(op.name), td(op.description),
          td(ms(op.duration), 'num'), td(status, op.failureReason ? 'failed' : null), td(op.failureReason || '')]);
      }));
      document.body.setAttribute('data-rendered', String(b.batchId));
    }).catch(function (e) {
      document.getElementById('batch-title').textContent = 'No such batch (' + e.message + ')';
      document.body.setAttribute('data-rendered', 'missing');
    });
  }

  var render = document.body.getAttribute('data-page') === 'batch' ? renderBatch : renderStreaming;
  // Hooks for tests and embedders: afterRender(cb) calls cb once the page has rendered at least once;
  // nextRender(cb) once a render that started after the call has finished.
  var renders = 0, waitingFirst = [], waitingNext = [];
  window.sluiceUi = {
    afterRender: function (cb) { if (renders > 0) { cb(renders); } else { waitingFirst.push(cb); } },
    nextRender: function (cb) { waitingNext.push(cb); }
  };
  function tick() {
    var due = waitingNext.splice(0);
    render().catch(function (e) { document.body.setAttribute('data-error', e.message); })
      .then(function () {
        renders++;
        waitingFirst.splice(0).concat(due).forEach(function (cb) { cb(renders); });
        setTimeout(tick, 1000);
      });
  }
  tick();
}());
