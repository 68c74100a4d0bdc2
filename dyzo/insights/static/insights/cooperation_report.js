/* The cooperation report page: a bar chart per province and a map coloured by category.
   The figures come from the json_script element "cooperation-figures"; the tables on the
   page carry the same numbers for readers who cannot see the charts. */
(function () {
  "use strict";

  var figures = JSON.parse(document.getElementById("cooperation-figures").textContent);
  var config = { responsive: true, displaylogo: false };

  function drawBarChart() {
    var element = document.getElementById("province-chart");
    var provinces = figures.provinces.map(function (row) { return row.province; });
    var traces = figures.categories.map(function (category) {
      return {
        type: "bar",
        name: category.label,
        x: provinces,
        y: figures.provinces.map(function (row) { return row[category.code]; }),
        marker: { color: category.colour, line: { color: "#555", width: 0.5 } },
        hovertemplate: "%{x}: %{y}<extra>" + category.label + "</extra>"
      };
    });
    var layout = {
      barmode: "stack",
      margin: { t: 10, r: 10, b: 40, l: 40 },
      legend: { orientation: "h", y: -0.15 },
      yaxis: { title: { text: "" }, rangemode: "tozero" }
    };
    Plotly.newPlot(element, traces, layout, config);
  }

  // The GeoJSON follows RFC 7946 (exterior rings counter-clockwise); plotly's d3-geo reads
  // that winding as "everything but this shape", so every ring is reversed once here.
  function rewind(geojson) {
    geojson.features.forEach(function (feature) {
      var geometry = feature.geometry;
      var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
      polygons.forEach(function (polygon) {
        polygon.forEach(function (ring) { ring.reverse(); });
      });
    });
    return geojson;
  }

  function bounds(geojson) {
    var box = { west: 180, east: -180, south: 90, north: -90 };
    geojson.features.forEach(function (feature) {
      var geometry = feature.geometry;
      var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
      polygons.forEach(function (polygon) {
        polygon[0].forEach(function (point) {
          box.west = Math.min(box.west, point[0]);
          box.east = Math.max(box.east, point[0]);
          box.south = Math.min(box.south, point[1]);
          box.north = Math.max(box.north, point[1]);
        });
      });
    });
    return box;
  }

  function mapTraces(geojson) {
    return figures.categories.map(function (category) {
      var rows = figures.municipalities.filter(function (m) { return m.category === category.code; });
      return {
        type: "choropleth",
        name: category.label,
        geojson: geojson,
        featureidkey: "properties.nis_code",
        locations: rows.map(function (m) { return m.nis_code; }),
        z: rows.map(function () { return 1; }),
        text: rows.map(function (m) { return m.name; }),
        colorscale: [[0, category.colour], [1, category.colour]],
        showscale: false,
        showlegend: true,
        marker: { line: { color: "#ffffff", width: 0.5 } },
        hovertemplate: "%{text}<br>" + category.label + "<extra></extra>"
      };
    });
  }

  function drawMap() {
    var element = document.getElementById("category-map");
    // Plotly's geo subplot asks for a world topojson from a CDN even when the base map is
    // hidden; an empty one keeps it off the network (the page's CSP would block it anyway).
    window.PlotlyGeoAssets = window.PlotlyGeoAssets || { topojson: {} };
    window.PlotlyGeoAssets.topojson["world_110m"] = { type: "Topology", objects: {}, arcs: [] };
    fetch(element.dataset.geojsonUrl)
      .then(function (response) { return response.json(); })
      .then(function (geojson) {
        // Explicit axis ranges fill the plot better than fitbounds, which keeps a world
        // aspect ratio.
        var box = bounds(geojson);
        var layout = {
          geo: {
            visible: false,
            projection: { type: "mercator" },
            lonaxis: { range: [box.west, box.east] },
            lataxis: { range: [box.south, box.north] }
          },
          margin: { t: 0, r: 0, b: 0, l: 0 },
          legend: { orientation: "h", y: 0 },
          height: 480
        };
        return Plotly.newPlot(element, mapTraces(rewind(geojson)), layout, config);
      })
      .then(function () { element.dataset.drawn = "true"; });
  }

  drawBarChart();
  drawMap();
})();
