// Draws the charts whose data the page carries in <script type="application/json" data-chart="ID"> blocks.
const palette = [
  '#1f6feb',
  '#d1242f',
  '#bf8700',
  '#1a7f37',
  '#8250df',
  '#cf222e',
  '#0969da',
  '#9a6700',
  '#6e7781',
  '#e16f24',
  '#116329',
  '#a475f9',
];

const round = (type) => type === 'doughnut' || type === 'pie';

function drawOne(block) {
  const canvas = document.getElementById(block.getAttribute('data-chart'));
  if (!canvas) return;
  let spec;
  try {
    spec = JSON.parse(block.textContent || '{}');
  } catch {
    return;
  }
  const datasets = (spec.datasets || []).map((d, j) => ({
    backgroundColor: round(spec.type) ? palette : palette[j % palette.length],
    borderColor: round(spec.type) ? '#fff' : palette[j % palette.length],
    borderWidth: 1,
    tension: 0.2,
    ...d,
  }));
  const chart = new window.Chart(canvas, {
    type: spec.type,
    data: { labels: spec.labels || [], datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      plugins: { legend: { display: round(spec.type) || datasets.length > 1 } },
      scales: round(spec.type)
        ? {}
        : spec.horizontal
          ? { x: { beginAtZero: true } }
          : { y: { beginAtZero: true } },
    },
  });
  canvas.setAttribute('data-drawn', String(chart.data.labels.length));
}

function draw() {
  if (!window.Chart) return;
  for (const block of document.querySelectorAll('script[type="application/json"][data-chart]'))
    drawOne(block);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
else draw();
