// Draws the open dossiers per status as bars stacked by age; data from #age-chart-data.
(function () {
  "use strict";
  var source = document.getElementById("age-chart-data");
  var target = document.getElementById("age-chart");
  if (!source || !target || !window.Plotly) {
    return;
  }
  var data = JSON.parse(source.textContent);
  window.Plotly.newPlot(target, data.traces, {
    barmode: "stack",
    height: 320,
    margin: { t: 20, r: 10, b: 60, l: 40 },
    legend: { orientation: "h" },
  }, { displayModeBar: false, responsive: true });
})();
