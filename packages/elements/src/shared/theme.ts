/**
 * Theme tokens. Every widget reads its look from `--cb-*` custom properties that a host sets
 * on the element, on `<cb-provider>` or on any ancestor; the defaults sit beside Ant Design,
 * Element Plus and TDesign: the system CJK font stack, a 14px base, calm colours and tabular
 * numbers. Dark mode reads `--cb-dark-*` (so a host can theme both), and `theme="auto"` follows
 * `prefers-color-scheme`.
 *
 * Light tokens: --cb-font-family, --cb-font-size, --cb-line-height, --cb-radius, --cb-spacing,
 * --cb-density, --cb-color-primary, --cb-color-primary-text, --cb-color-success,
 * --cb-color-warning, --cb-color-danger, --cb-color-text, --cb-color-text-secondary,
 * --cb-color-border, --cb-color-bg, --cb-color-bg-muted, --cb-color-focus.
 * Dark tokens: the same colour names under --cb-dark-color-*.
 */
import { css, unsafeCSS } from 'lit';

const light = {
  primary: '#0958d9',
  'primary-text': '#ffffff',
  success: '#237804',
  warning: '#ad4e00',
  danger: '#cf1322',
  text: 'rgba(0, 0, 0, 0.88)',
  'text-secondary': 'rgba(0, 0, 0, 0.65)',
  border: '#d9d9d9',
  bg: '#ffffff',
  'bg-muted': '#f5f5f5',
  focus: '#1677ff',
};

const dark = {
  primary: '#4096ff',
  'primary-text': '#0b1a33',
  success: '#73d13d',
  warning: '#ffa940',
  danger: '#ff7875',
  text: 'rgba(255, 255, 255, 0.88)',
  'text-secondary': 'rgba(255, 255, 255, 0.68)',
  border: '#424242',
  bg: '#141414',
  'bg-muted': '#1f1f1f',
  focus: '#69b1ff',
};

const colours = (prefix: string, values: Record<string, string>) =>
  unsafeCSS(
    Object.entries(values)
      .map(([name, value]) => `--_${name}: var(--${prefix}-${name}, ${value});`)
      .join('\n'),
  );

const darkBlock = colours('cb-dark-color', dark);

/**
 * The system font stack with its CJK faces (macOS, Windows, Linux with Noto). Latin faces come
 * first, as in Ant Design's stack: Latin text and punctuation (’ “ ”) keep Latin widths, and
 * Chinese falls through to the CJK faces.
 */
const fontStack = unsafeCSS(
  [
    '-apple-system',
    'BlinkMacSystemFont',
    "'Segoe UI'",
    'Roboto',
    "'Helvetica Neue'",
    'Arial',
    "'Noto Sans'",
    "'Liberation Sans'",
    "'PingFang SC'",
    "'Hiragino Sans GB'",
    "'Microsoft YaHei'",
    "'Noto Sans CJK SC'",
    "'Noto Sans SC'",
    'sans-serif',
  ].join(','),
);

/** Shared by every widget: tokens, light/dark, base typography, focus ring, helpers. */
export const themeStyles = css`
  :host {
    ${colours('cb-color', light)}
    --_font: var(--cb-font-family, ${fontStack});
    --_size: var(--cb-font-size, 14px);
    --_line: var(--cb-line-height, 1.5715);
    --_radius: var(--cb-radius, 6px);
    --_density: var(--cb-density, 1);
    --_space: calc(var(--cb-spacing, 8px) * var(--_density));
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: var(--_line);
    color: var(--_text);
    color-scheme: light;
  }
  :host([hidden]) {
    display: none;
  }
  :host([data-cb-theme='dark']) {
    ${darkBlock}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([data-cb-theme='auto']) {
      ${darkBlock}
      color-scheme: dark;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
  .muted {
    color: var(--_text-secondary);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    min-height: calc(32px * var(--_density));
    padding: 0 calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  .btn:hover {
    border-color: var(--_primary);
    color: var(--_primary);
  }
  .btn.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_primary-text);
  }
  .btn[disabled] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .card {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
  }
  .state {
    padding: calc(var(--_space) * 2);
    border-radius: var(--_radius);
    background: var(--_bg);
    border: 1px solid var(--_border);
  }
  .state.error {
    border-color: var(--_danger);
  }
  .state .title {
    font-weight: 600;
    color: var(--_danger);
    margin: 0 0 calc(var(--_space) / 2);
  }
  .state p {
    margin: 0 0 var(--_space);
  }
  .skeleton {
    display: grid;
    gap: var(--_space);
  }
  .skeleton .bar {
    height: 1em;
    border-radius: var(--_radius);
    background: linear-gradient(
      90deg,
      var(--_bg-muted) 25%,
      var(--_border) 37%,
      var(--_bg-muted) 63%
    );
    background-size: 400% 100%;
    animation: cb-shimmer 1.4s ease infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton .bar {
      animation: none;
    }
  }
  @keyframes cb-shimmer {
    0% {
      background-position: 100% 50%;
    }
    100% {
      background-position: 0 50%;
    }
  }
  .badge {
    display: inline-block;
    padding: 0 calc(var(--_space) * 0.75);
    border-radius: 999px;
    font-size: 0.86em;
    line-height: 1.7;
    border: 1px solid currentColor;
  }
  .badge.success {
    color: var(--_success);
  }
  .badge.warning {
    color: var(--_warning);
  }
  .badge.danger {
    color: var(--_danger);
  }
  .badge.neutral {
    color: var(--_text-secondary);
  }
`;
