import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/progress-bar/define.js';
import { EstimateController } from '../src/progress-bar/estimate-controller.js';
import { play, uploadScripts } from './progress-bar-estimate.states.js';

/**
 * Honest time remaining on a `<tp-progress-bar>`: an `EstimateController` attached from outside
 * (`new EstimateController(bar, { onChange })`), so the bar itself loads none of it. `<tp-busy>`
 * does the same for its own bar.
 */
const meta: Meta = {
  title: 'Components/Progress bar/Time remaining',
  component: 'tp-progress-bar',
};
export default meta;

function upload(script: keyof typeof uploadScripts, label: string): StoryObj {
  return {
    name: script,
    render: () => {
      const wrapper = document.createElement('div');
      const bar = document.createElement('tp-progress-bar');
      Object.assign(bar, { label, showValue: true });
      const hint = document.createElement('p');
      hint.id = 'time-left';
      bar.setAttribute('aria-describedby', 'time-left');
      new EstimateController(bar, { onChange: (text) => (hint.textContent = text) });
      wrapper.append(bar, hint);
      play(bar, uploadScripts[script]!);
      return wrapper;
    },
  };
}

export const UploadWithAChangingRate = upload('Upload with a changing rate', 'Uploading holiday.mp4');
export const StalledUpload = upload('Stalled upload', 'Uploading scan.pdf');
