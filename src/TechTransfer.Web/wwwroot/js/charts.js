// Charts of the platform (ECharts, vendored under /lib/echarts by scripts/vendor.sh). No inline scripts (CSP): a chart is
// an element with data-chart-table="<id of its table>"; the table beside it is the data and the accessible alternative.
// Each body row: <th scope="row"> the label (an <a> in it is the drill-down: clicking the bar or point opens it) and one
// cell with data-chart-value (the number drawn). The element carries:
//   data-chart-kind        "bar" (default) or "line"
//   data-chart-horizontal  present: bars run left to right (long labels)
//   data-chart-value-name  the value axis name, in the page's language
(function () {
  'use strict';

  function rowsOf(table) {
    var body = table.tBodies[0];
    if (!body) return [];
    return Array.prototype.map.call(body.rows, function (tr) {
      var th = tr.querySelector('th');
      var link = th ? th.querySelector('a') : null;
      var cell = tr.querySelector('[data-chart-value]');
      return {
        label: th ? th.textContent.trim() : '',
        value: cell ? Number(cell.getAttribute('data-chart-value')) : 0,
        href: link ? link.getAttribute('href') : null
      };
    });
  }

  function init(el) {
    var table = document.getElementById(el.getAttribute('data-chart-table'));
    if (!table || typeof window.echarts === 'undefined') return;
    var rows = rowsOf(table);
    var line = el.getAttribute('data-chart-kind') === 'line';
    var horizontal = !line && el.hasAttribute('data-chart-horizontal');
    var labels = rows.map(function (r) { return r.label; });
    var values = rows.map(function (r) { return r.value; });
    if (horizontal) { labels.reverse(); values.reverse(); } // largest on top
    var font = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';
    var categoryAxis = {
      type: 'category', data: labels,
      axisLabel: { fontFamily: font, interval: 0, width: horizontal ? 130 : 80, overflow: 'truncate', rotate: !horizontal && labels.length > 8 ? 40 : 0 }
    };
    var valueAxis = {
      type: 'value', name: el.getAttribute('data-chart-value-name') || '', nameTextStyle: { fontFamily: font }, axisLabel: { fontFamily: font },
      nameLocation: horizontal ? 'middle' : 'end', nameGap: horizontal ? 28 : 15
    };
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: font },
      color: ['#1d4ed8'],
      grid: { left: 8, right: 24, top: 36, bottom: horizontal ? 28 : 8, containLabel: true },
      tooltip: { trigger: 'axis', textStyle: { fontFamily: font } },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: [{
        type: line ? 'line' : 'bar', data: values, symbolSize: 8, barMaxWidth: 36,
        cursor: 'pointer', emphasis: { focus: 'self' }
      }]
    });
    var n = rows.length;
    chart.on('click', function (p) {
      if (p.componentType !== 'series') return;
      var row = rows[horizontal ? n - 1 - p.dataIndex : p.dataIndex];
      if (row && row.href) window.location.assign(row.href);
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.setAttribute('data-chart-ready', 'true');
  }

  function start() { document.querySelectorAll('[data-chart-table]').forEach(init); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
