/* Trend charts of the targets dashboard: reads the figures from the JSON script tag
   #targets-chart-data and draws one ECharts line per element carrying data-chart="<indicator code>". */
function drawTargetCharts() {
  "use strict";
  var source = document.getElementById("targets-chart-data");
  if (!source || typeof echarts === "undefined") {
    return;
  }
  var charts = JSON.parse(source.textContent);

  function option(data, small) {
    var series = [{
      name: data.name,
      type: "line",
      data: data.points,
      showSymbol: !small || data.points.length < 3,
      symbolSize: small ? 3 : 6,
      lineStyle: { width: small ? 1.5 : 2.5 },
      markLine: data.target === null ? undefined : {
        silent: true,
        symbol: "none",
        label: { show: !small, formatter: "目标 {c}" },
        lineStyle: { type: "dashed", color: "#c0392b" },
        data: [{ yAxis: data.target }]
      }
    }];
    var last = data.points[data.points.length - 1];
    if (data.forecast && last && data.target !== null) {
      series.push({
        name: "预测",
        type: "line",
        data: [last, [data.forecast, data.target]],
        showSymbol: !small,
        lineStyle: { type: "dotted", color: "#7f8c8d" },
        itemStyle: { color: "#7f8c8d" }
      });
    }
    return {
      animation: false,
      grid: small ? { left: 4, right: 4, top: 6, bottom: 4 } : { left: 60, right: 40, top: 40, bottom: 40 },
      tooltip: small ? undefined : { trigger: "axis" },
      legend: small ? undefined : { data: [data.name, "预测"] },
      xAxis: { type: "time", show: !small },
      yAxis: { type: "value", show: !small, scale: true, name: small ? "" : data.unit },
      series: series
    };
  }

  document.querySelectorAll("[data-chart]").forEach(function (element) {
    var data = charts[element.dataset.chart];
    if (!data) {
      return;
    }
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption(option(data, element.dataset.size === "small"));
    window.addEventListener("resize", function () { chart.resize(); });
  });
}
// The Wagtail admin loads scripts before the page content: draw once the document is parsed.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", drawTargetCharts);
} else {
  drawTargetCharts();
}
