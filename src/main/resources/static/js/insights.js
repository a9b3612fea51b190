// Draws the insights page's charts from the JSON the server rendered into #insights-data.
(function () {
	'use strict';
	const data = JSON.parse(document.getElementById('insights-data').textContent);
	const palette = ['#0d6efd', '#198754', '#fd7e14', '#dc3545', '#6f42c1', '#6c757d'];
	const common = { animation: false, responsive: true, maintainAspectRatio: false };

	function draw(canvas, config) {
		new Chart(canvas, Object.assign({ options: common }, config));
	}

	const builders = {
		weekly: function (canvas) {
			draw(canvas, {
				type: 'bar',
				data: {
					labels: data.weekly.labels,
					datasets: data.weekly.datasets.map(function (set, i) {
						return { label: set.label, data: set.data, backgroundColor: palette[i] };
					})
				},
				options: Object.assign({}, common, { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } })
			});
		},
		funnel: function (canvas) {
			draw(canvas, {
				type: 'bar',
				data: { labels: data.funnel.labels, datasets: [{ data: data.funnel.data, backgroundColor: palette.slice(0, 3) }] },
				options: Object.assign({}, common, { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } })
			});
		},
		outcomes: function (canvas) {
			draw(canvas, {
				type: 'doughnut',
				data: { labels: data.outcomes.labels, datasets: [{ data: data.outcomes.data, backgroundColor: [palette[1], palette[5], palette[3], palette[2]] }] }
			});
		},
		responseTime: function (canvas) {
			const series = data.responseTime;
			const datasets = [{ label: series.label, data: series.data, borderColor: palette[0], backgroundColor: palette[0] }];
			if (series.program !== null) {
				datasets.push({ label: series.programLabel, data: series.labels.map(function () { return series.program; }),
					borderColor: palette[5], borderDash: [6, 4], pointRadius: 0 });
			}
			draw(canvas, {
				type: 'line',
				data: { labels: series.labels, datasets: datasets },
				options: Object.assign({}, common, { scales: { y: { beginAtZero: true } } })
			});
		},
		pipeline: function (canvas) {
			const currency = data.pipeline[Number(canvas.dataset.index)];
			draw(canvas, {
				type: 'bar',
				data: { labels: currency.labels, datasets: [{ label: currency.currency, data: currency.data, backgroundColor: [palette[0], palette[1]] }] },
				options: Object.assign({}, common, { scales: { y: { beginAtZero: true, title: { display: true, text: currency.currency } } } })
			});
		}
	};

	document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
		builders[canvas.dataset.chart](canvas);
	});
})();
