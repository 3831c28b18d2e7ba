// A pretend upload: the bar's value moves from 0 to 100 in steps, then says it is done.
// A separate file, not an inline script, so the page also works under a strict CSP.
const bar = document.getElementById('upload');
const status = document.getElementById('status');
let timer;

document.getElementById('start').addEventListener('click', () => {
  clearInterval(timer);
  let sent = 0;
  bar.value = 0;
  status.textContent = '';
  timer = setInterval(() => {
    sent = Math.min(100, sent + 7);
    bar.value = sent;
    if (sent === 100) {
      clearInterval(timer);
      status.textContent = 'All 3 files uploaded.';
    }
  }, 200);
});

document.getElementById('reset').addEventListener('click', () => {
  clearInterval(timer);
  bar.removeAttribute('value');
  bar.value = null;
  status.textContent = '';
});
