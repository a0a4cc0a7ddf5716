// The occupancy map as a heat map: modules by cells, each cell's occupancy against its certified capacity. The same
// figures are in the table beside it (the page's own rendering); this picture reads the API a client would.
(function () {
  const figure = document.getElementById('occupancy-chart');
  if (!figure || !window.echarts) { return; }
  fetch('/api/v1/facilities/' + encodeURIComponent(figure.dataset.facility) + '/occupancy',
        {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
    .then(r => r.ok ? r.json() : Promise.reject(r.status))
    .then(data => {
      const modules = data.modules.map(m => m.code);
      const width = Math.max(...data.modules.map(m => m.cells.length));
      const columns = Array.from({length: width}, (_, i) => 'C' + String(i + 1).padStart(2, '0'));
      const points = [];
      data.modules.forEach((m, y) => m.cells.forEach((c, x) => {
        const cap = c.certifiedNormalAccommodation;
        points.push([x, y, cap === 0 ? (c.occupied > 0 ? 150 : 0) : Math.round(100 * c.occupied / cap), c.code, c.occupied, cap]);
      }));
      const chart = echarts.init(figure.querySelector('.chart'), null, {renderer: 'svg'});
      chart.setOption({
        animation: false, grid: {left: 48, right: 16, top: 8, bottom: 64},
        tooltip: {formatter: p => p.data[3] + ': ' + p.data[4] + ' / ' + p.data[5] + ' (' + p.data[2] + ' %)'},
        xAxis: {type: 'category', data: columns, axisLabel: {color: '#1b1f24', interval: 3}},
        yAxis: {type: 'category', data: modules, axisLabel: {color: '#1b1f24'}},
        visualMap: {min: 0, max: 150, orient: 'horizontal', left: 'center', bottom: 0, calculable: false,
          inRange: {color: ['#f5f6f8', '#9ecae1', '#2171b5', '#13294b', '#a4161a']}, textStyle: {color: '#1b1f24'}},
        series: [{type: 'heatmap', data: points, itemStyle: {borderColor: '#fff', borderWidth: 1}}]
      });
      figure.dataset.loaded = 'true';
      window.addEventListener('resize', () => chart.resize());
    })
    .catch(() => { figure.dataset.loaded = 'failed'; });
}());
