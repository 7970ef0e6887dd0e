/**
 * Style blocks several widgets share (not in the theme, so a widget that does not use them
 * does not carry them): the card with a heading row, and status badges that mark their colour
 * with a border and a dot while the text keeps full contrast.
 */
import { css } from 'lit';

export const cardStyles = css`
  .card {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 1.5);
  }
  header {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--_space);
    flex-wrap: wrap;
  }
  h2 {
    margin: 0;
    font-size: 1.14em;
    font-weight: 600;
  }
  /* "截至 2026年11月21日" breaks at its spaces, not inside the date */
  header .muted {
    word-break: keep-all;
    overflow-wrap: anywhere;
  }
`;

export const statusBadgeStyles = css`
  .head .badge {
    flex: none;
    white-space: nowrap;
    color: var(--_text);
    border-color: var(--_tone);
  }
  .badge::before {
    content: '';
    display: inline-block;
    width: 0.5em;
    height: 0.5em;
    margin-inline-end: 0.4em;
    border-radius: 50%;
    background: var(--_tone);
    vertical-align: 0.1em;
  }
  .badge.success {
    --_tone: var(--_success);
  }
  .badge.warning {
    --_tone: var(--_warning);
  }
  .badge.danger {
    --_tone: var(--_danger);
  }
  .badge.neutral {
    --_tone: var(--_text-secondary);
  }
`;
