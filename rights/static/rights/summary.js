(function () {
  var holder = document.getElementById("rights-month-chart");
  var data = document.getElementById("rights-months");
  if (!holder || !data || !window.echarts) return;
  var script = document.currentScript;
  var months = JSON.parse(data.textContent);
  var chart = window.echarts.init(holder);
  chart.setOption({
    tooltip: { trigger: "axis" },
    legend: { data: [script.dataset.received, script.dataset.closed] },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: "category", data: months.map(function (m) { return m.month; }) },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: script.dataset.received, type: "bar", data: months.map(function (m) { return m.received; }) },
      { name: script.dataset.closed, type: "bar", data: months.map(function (m) { return m.closed; }) },
    ],
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
