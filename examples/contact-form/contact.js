// The demo controls of the contact form example. The form itself needs no script of its own.
// A separate file, not an inline script, so the page also works under a strict CSP.
const fault = document.getElementById('fault');
const events = document.getElementById('events');

fault.addEventListener('change', () => {
  fetch('/api/contact/fault', { method: 'POST', body: new URLSearchParams({ mode: fault.value }) });
});
// The back end keeps its mode across reloads of this page: show the one it is in.
fetch('/api/contact/fault')
  .then((response) => response.json())
  .then(({ mode }) => (fault.value = mode));

// What Touchpoint would hand to a telemetry hub: here, listed on the page.
document.addEventListener('tp-telemetry', (event) => {
  const { name, props } = event.detail;
  const item = document.createElement('li');
  const code = document.createElement('code');
  code.textContent = name;
  item.append(code, ` ${JSON.stringify(props)}`);
  events.append(item);
});
