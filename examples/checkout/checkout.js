// A checkout in one page: each step is a section of one form; Continue and Back move between
// them, and <tp-steps> shows where you are. The back links in the list are ordinary links to
// #cart, #delivery… so the browser's Back button and the links work the same way.
const steps = document.getElementById('steps');
const form = document.getElementById('checkout');
const sections = [...form.querySelectorAll('section[data-step]')];
const back = document.getElementById('back');
const next = document.getElementById('next');
const placing = document.getElementById('placing');
const log = document.getElementById('log');
const last = sections.length;

// Show what the components report (nothing leaves the page: no telemetry hub is started here).
document.addEventListener('tp-telemetry', (event) => {
  const item = document.createElement('li');
  item.textContent = `${event.detail.name} ${JSON.stringify(event.detail.props)}`;
  log.append(item);
});

function show(step, { focus = true } = {}) {
  steps.current = step;
  for (const section of sections) section.hidden = Number(section.dataset.step) !== step;
  back.hidden = step === 1;
  next.textContent = step === last ? 'Place order' : 'Continue';
  // The context changed: move focus to the new step's heading so it is read from the top.
  if (focus) {
    const heading = sections[step - 1].querySelector('h2');
    heading.tabIndex = -1;
    heading.focus();
  }
}

function stepFromHash() {
  const index = sections.findIndex((section) => `#${section.id}` === location.hash);
  return index === -1 ? 1 : index + 1;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const step = steps.current;
  const invalid = sections[step - 1].querySelector(':invalid');
  if (invalid) {
    invalid.focus();
    invalid.setAttribute('aria-invalid', 'true');
    return;
  }
  if (step < last) {
    history.pushState(null, '', `#${sections[step].id}`);
    show(step + 1);
    return;
  }
  next.disabled = back.disabled = true;
  // A pretend order request: <tp-busy> shows nothing for a second, then an indicator, and says when it is done.
  await placing.track(new Promise((resolve) => setTimeout(resolve, 2500)));
  steps.remove(); // the flow is over: leaving the page now is not abandoning it
  form.hidden = true;
  const done = document.getElementById('done');
  done.hidden = false;
  done.querySelector('h2').focus();
});

form.addEventListener('input', (event) => event.target.removeAttribute('aria-invalid'));
back.addEventListener('click', () => history.back());
addEventListener('popstate', () => show(stepFromHash()));
addEventListener('hashchange', () => show(stepFromHash()));

show(stepFromHash(), { focus: false });
