/**
 * Style blocks several widgets share (not in the theme, so a widget that does not use them
 * does not carry them): the card with a heading row, figure tiles and a meter, and status badges
 * that mark their colour with a border and a dot while the text keeps full contrast.
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

/** Figures as tiles (`<dl class="stats">`, each `<div><dt>…</dt><dd>…</dd></div>`) and a meter. */
export const tileStyles = css`
  .stats {
    display: grid;
    gap: var(--_space);
    margin: 0;
  }
  .stats div {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_bg-muted);
  }
  dt {
    color: var(--_text-secondary);
    font-size: 0.93em;
  }
  dd {
    margin: 0;
    font-weight: 600;
    font-size: 1.14em;
  }
  .meter {
    height: 8px;
    border-radius: 4px;
    background: var(--_bg-muted);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .meter span {
    display: block;
    height: 100%;
    background: var(--_primary);
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
