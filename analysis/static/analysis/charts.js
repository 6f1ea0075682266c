/* Charts of the analysis pages: reads the figures from the JSON script tag #analysis-chart-data and draws
   one ECharts chart per element carrying data-chart="<table key>". The table beside each chart holds the
   same figures; the chart is hidden from assistive technology. */
(function () {
  "use strict";
  var source = document.getElementById("analysis-chart-data");
  if (!source || typeof echarts === "undefined") {
    return;
  }
  var charts = JSON.parse(source.textContent);

  function option(data) {
    if (data.type === "pie") {
      return {
        animation: false,
        tooltip: { trigger: "item" },
        series: [{ type: "pie", radius: ["30%", "65%"], data: data.data }]
      };
    }
    if (data.type === "graph") {
      var largest = Math.max.apply(null, data.nodes.map(function (n) { return n.value; }).concat([1]));
      return {
        animation: false,
        tooltip: {},
        series: [{
          type: "graph",
          layout: "force",
          roam: true,
          label: { show: true, fontSize: 11 },
          force: { repulsion: 200, edgeLength: 90 },
          data: data.nodes.map(function (n) {
            return { name: n.name, value: n.value, symbolSize: 10 + 30 * n.value / largest };
          }),
          links: data.links.map(function (l) {
            return { source: l.source, target: l.target, value: l.value, lineStyle: { width: 1 + Math.min(l.value, 8) } };
          })
        }]
      };
    }
    var horizontal = data.type === "hbar";
    var categoryAxis = { type: "category", data: data.categories, inverse: horizontal };
    var valueAxis = { type: "value" };
    return {
      animation: false,
      tooltip: { trigger: "axis" },
      legend: data.series.length > 1 ? {} : undefined,
      grid: { left: horizontal ? 200 : 50, right: 20, top: 30, bottom: 30 },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: data.series.map(function (s) {
        return { name: s.name, type: data.type === "line" ? "line" : "bar", stack: data.stack ? "all" : undefined, data: s.data };
      })
    };
  }

  document.querySelectorAll("[data-chart]").forEach(function (element) {
    var data = charts[element.dataset.chart];
    if (!data) {
      return;
    }
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption(option(data));
    window.addEventListener("resize", function () { chart.resize(); });
  });
}());
