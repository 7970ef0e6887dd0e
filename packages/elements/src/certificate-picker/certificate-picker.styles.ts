import { css } from 'lit';

// The listbox scrolls, not the panel: axe accepts a combobox's listbox without focusable
// content as a scrolling region, any other element not.
export const styles = css`
  .combo {
    position: relative;
  }
  .field,
  .chip,
  .popup {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .field {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    padding: 2px 4px;
  }
  .field:focus-within {
    outline: 2px solid var(--_focus);
  }
  .disabled {
    opacity: 0.6;
  }
  input {
    flex: 1 1 8em;
    border: 0;
    outline: 0;
    font: inherit;
    color: inherit;
    background: none;
  }
  input::placeholder,
  .meta,
  .note {
    color: var(--_text-secondary);
  }
  .chips {
    display: contents;
    list-style: none;
  }
  .chip {
    padding-left: var(--_space);
    background: var(--_bg-muted);
  }
  .chip button {
    min-width: 24px;
    min-height: 24px;
    border: 0;
    background: none;
  }
  .popup {
    position: absolute;
    z-index: 10;
    left: 0;
    right: 0;
  }
  [role='listbox'] {
    max-height: 18em;
    overflow-y: auto;
  }
  [role='option'],
  .note {
    padding: 4px var(--_space);
  }
  [role='option'] {
    border-left: 3px solid transparent;
    cursor: pointer;
  }
  [aria-selected='true'] .name {
    font-weight: 600;
  }
  [aria-selected='true'] .name::before {
    content: '✓ ' / '';
  }
  [role='option']:hover,
  .active {
    background: var(--_bg-muted);
  }
  .active {
    border-left-color: var(--_focus);
  }
  .meta {
    display: block;
    font-size: 0.86em;
  }
  .level {
    white-space: nowrap;
  }
  .note.error {
    color: var(--_danger);
  }
`;
