import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/reply-promise/define.js';
import { replyPromiseStates, type ReplyPromiseArgs, type ReplyPromiseState } from './reply-promise.states.js';

const meta: Meta<ReplyPromiseArgs> = {
  title: 'Components/Reply promise',
  component: 'tp-reply-promise',
  tags: ['autodocs'],
  argTypes: {
    hours: { control: 'text', description: 'Opening hours, e.g. "Mon-Fri 09:00-17:00"' },
    timeZone: { control: 'text', description: 'IANA zone of the hours' },
    holidays: { control: 'text', description: 'Closed dates, YYYY-MM-DD' },
    stats: { control: 'text', description: 'reply-stats.json inline (or use stats-src)' },
    confidence: { control: 'text', description: '0.5–0.99; picks the percentile (default 0.9)' },
    target: { control: 'text', description: 'The stated target, e.g. "2 business days"' },
    now: { control: 'text', description: 'The clock (ISO 8601); default: now' },
    displayTimeZone: { control: 'text', description: 'Zone dates are shown in; default: the reader’s' },
  },
};
export default meta;

type Story = StoryObj<ReplyPromiseArgs>;

function renderState(state: ReplyPromiseState) {
  return (args: ReplyPromiseArgs) =>
    html`<div lang=${state.lang}>
      <tp-reply-promise
        hours=${ifDefined(args.hours)}
        time-zone=${ifDefined(args.timeZone)}
        holidays=${ifDefined(args.holidays)}
        stats=${ifDefined(args.stats)}
        confidence=${ifDefined(args.confidence)}
        target=${ifDefined(args.target)}
        now=${ifDefined(args.now)}
        display-time-zone=${ifDefined(args.displayTimeZone)}
      ></tp-reply-promise>
    </div>`;
}

function story(name: keyof typeof replyPromiseStates): Story {
  const state = replyPromiseStates[name]!;
  return { name, args: state.args, render: renderState(state) };
}

/** p90 of the team's own first replies, in business time, in the reader's locale and zone. */
export const Promise90 = story('Promise (p90)');
export const InTheReadersZone = story('In the reader’s zone and locale');
export const HigherConfidence = story('Higher confidence (p95)');
/** Outside opening hours it also says when the team is back. */
export const AfterHours = story('After hours');
export const OverTheHolidays = story('Over the holidays');
/** A target of 4 business hours is not promised when the data says 821 business minutes. */
export const TargetShorterThanTheData = story('Target shorter than the data');
/** Fewer than 20 replies: the stated target, said as "usually". */
export const FewSamples = story('Few samples');
export const FewSamplesNoTarget = story('Few samples, no target');
/** Unreadable statistics: a plain sentence, never a blank or "Invalid Date". */
export const BrokenStats = story('Broken stats');
