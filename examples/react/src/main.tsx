// React 19 with Touchpoint two ways: the @lit/react wrappers from `touchpoint/react` (props and
// `onTp*` event props), and a plain tag typed by `touchpoint/jsx/react`.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'touchpoint/steps';
import type {} from 'touchpoint/jsx/react';
import { TpProgressBar, TpToggletip, TpTooltip } from 'touchpoint/react';

function App() {
  const [step, setStep] = useState(1);
  const [shown, setShown] = useState(0);
  const progress = Math.round(((step - 1) / 2) * 100);

  return (
    <>
      <h1>React</h1>
      <p>Wrappers from <code>touchpoint/react</code>, and a plain <code>&lt;tp-steps&gt;</code> tag typed by <code>touchpoint/jsx/react</code>.</p>

      {/* A plain custom element: React 19 sets `current` as a property. */}
      <tp-steps current={step}>
        <ol>
          <li>Account</li>
          <li>Profile</li>
          <li>Done</li>
        </ol>
      </tp-steps>

      <TpProgressBar label="Profile complete" value={progress} showValue />

      <div className="row">
        <TpTooltip content="Goes on to the next step" onTpShow={() => setShown((n) => n + 1)}>
          <button type="button" disabled={step === 3} onClick={() => setStep((s) => Math.min(3, s + 1))}>
            Next
          </button>
        </TpTooltip>
        <button type="button" onClick={() => setStep(1)}>
          Start again
        </button>
        <TpToggletip label="About these steps">
          Three steps; nothing is saved until the last one.
        </TpToggletip>
      </div>
      <p role="status">{step === 3 ? 'All done.' : `Step ${step} of 3.`} Tooltip shown {shown} times.</p>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
