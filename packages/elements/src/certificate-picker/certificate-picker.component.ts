import { getCertificates } from '@creditbank/client/endpoints';
import type { BaseClient } from '@creditbank/client';
import {
  CERTIFICATE_CATEGORIES,
  type Certificate,
  type CertificateCategory,
  type DisplayName,
} from '@creditbank/core';
import type { CertificatePage } from '@creditbank/core/api';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CbElement, type ConfigIssue } from '../shared/base.js';
import { certificateCategoryNames, dotGap, joinDot, levelName, nameOf } from '../shared/names.js';
import { messages } from './certificate-picker.messages.js';
import { styles } from './certificate-picker.styles.js';

/** One selected certificate, at a level when one was picked (`with-level`, or `id:level` values). */
export interface CertificateSelection {
  readonly id: string;
  readonly name: string;
  readonly category: CertificateCategory;
  readonly level?: string;
  /** the level's name for people, when the catalog gives one */
  readonly levelName?: DisplayName;
}

/** Detail of `cb-certificates-changed`: the selection after a user's change, and the change. */
export interface CertificatesChangedDetail {
  readonly selected: readonly CertificateSelection[];
  /** the new `value` */
  readonly value: string;
  readonly added: CertificateSelection | null;
  readonly removed: CertificateSelection | null;
}

/** A selection entry; `name` and `category` are missing until the catalog was asked for its id. */
interface Entry {
  readonly id: string;
  readonly level?: string;
  readonly name?: string;
  readonly category?: CertificateCategory;
  readonly levelNames?: Certificate['levelNames'];
}

/** One row of the listbox: a certificate, or one level of it with `with-level`. */
interface Option {
  readonly cert: Certificate;
  readonly level?: string;
}

type SearchArgs = [
  api: BaseClient | null,
  q: string,
  category: string,
  level: string,
  active: boolean,
];

/** Results of a search (the API's largest page): a longer list helps nobody; typing narrows it. */
const LIMIT = 200;
/** Quiet time after the last keystroke before a search goes out (ms). */
const DEBOUNCE_MS = 250;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** `id` or `id:level` (split at the last colon). */
function parseEntry(text: string): Entry {
  const colon = text.lastIndexOf(':');
  return colon > 0 && colon < text.length - 1
    ? { id: text.slice(0, colon), level: text.slice(colon + 1) }
    : { id: text };
}

const serialize = (entry: Entry) => (entry.level ? `${entry.id}:${entry.level}` : entry.id);

/** The text input's own `input` events (composed) stay inside: the picker's mean a new value. */
const stopInput = (event: Event) => event.stopPropagation();

const isCategory = (value: unknown): value is CertificateCategory =>
  CERTIFICATE_CATEGORIES.includes(value as CertificateCategory);

/**
 * An editable combobox over the certificate catalog (证书目录), after the WAI-ARIA APG
 * "editable combobox with list autocomplete": debounced server search that aborts the previous
 * request, category and level filters, single or `multiple` selection shown as removable chips,
 * and an optional level per certificate (`with-level`). Form-associated: inside a `<form>` it
 * submits `name=value` (one entry per selection with `multiple`), takes part in `required`
 * validation, `disabled` fieldsets, reset and state restore.
 *
 * @summary Searchable certificate picker (single or multiple, optionally with levels) for forms.
 * @event input - The selection changed through the user (bubbles, composed).
 * @event change - The selection changed through the user (bubbles, composed); read `selected` or `value`.
 * @event cb-certificates-changed - The selection changed through the user: `CertificatesChangedDetail` with the selection, the value and what was added or removed.
 * @csspart base - The whole picker.
 * @csspart field - The box holding the chips and the text input.
 * @csspart chips - The list of selected certificates.
 * @csspart chip - One selected certificate.
 * @csspart chip-remove - The remove button of a chip.
 * @csspart input - The text input (the combobox).
 * @csspart popup - The drop-down panel.
 * @csspart listbox - The list of options.
 * @csspart option - One option.
 * @csspart loading - The status row while searching.
 * @csspart empty - The row saying no certificate matches.
 * @csspart error - The error row of the drop-down (or of the whole widget for a bad attribute).
 * @csspart retry - The retry button of the error row.
 * @cssproperty --cb-color-bg - Field and drop-down background.
 * @cssproperty --cb-color-bg-muted - Chips and the active option.
 * @cssproperty --cb-color-border - Field, chip and drop-down borders.
 * @cssproperty --cb-color-focus - Focus ring and the active option's marker.
 * @cssproperty --cb-color-text-secondary - Placeholder, option details and status rows.
 * @cssproperty --cb-color-danger - The error row.
 * @cssproperty --cb-font-family - Font stack.
 * @cssproperty --cb-font-size - Base font size (14px).
 * @cssproperty --cb-radius - Corner radius.
 * @cssproperty --cb-spacing - Spacing unit.
 * @cssproperty --cb-density - Spacing multiplier.
 */
export class CbCertificatePicker extends CbElement {
  static override styles = [CbElement.styles, styles];

  /** Makes the element a form control (ElementInternals). */
  static formAssociated = true;

  constructor() {
    super();
    this.addEventListener('click', (event) => this.#onHostClick(event));
  }

  readonly #search = this.track(
    new Task<SearchArgs, CertificatePage>(this, {
      task: async ([api, q, category, level, active], { signal }) => {
        if (!api || !active) return initialState;
        if (q !== this.#searchedQuery) await sleep(DEBOUNCE_MS, signal);
        this.#searchedQuery = q;
        return api.request(
          getCertificates({
            q: q || undefined,
            category: category || undefined,
            level: level || undefined,
            limit: LIMIT,
          }),
          { signal },
        );
      },
      args: () => [
        this.api,
        this.query.trim(),
        this.category ?? '',
        this.level ?? '',
        this.#activated && this.configIssues().length === 0,
      ],
      onComplete: (page) => {
        for (const cert of page.items) this.#known.set(cert.id, cert);
        if (this.entries.some((e) => !e.name && this.#known.has(e.id))) this.#resolveEntries(false);
        const count = this.#optionsOf(page).length;
        if (this.#pendingActive && count) {
          this.active = this.#pendingActive === 'first' ? 0 : count - 1;
        }
        this.#pendingActive = null;
      },
    }),
  );

  /**
   * Looks up the certificates of ids set through `value` (their names and categories). A
   * controller of the element: it runs by itself and is never read.
   */
  private readonly lookup = this.track(
    new Task<[BaseClient | null, string], (Certificate | null)[]>(this, {
      task: async ([api, ids], { signal }) => {
        if (!api || !ids) return initialState;
        return Promise.all(
          ids.split('\n').map(async (id) => {
            const page = await api.request(getCertificates({ q: id, limit: LIMIT }), { signal });
            return page.items.find((cert) => cert.id === id) ?? null;
          }),
        );
      },
      args: () => [
        this.configIssues().length ? null : this.api,
        this.entries
          .filter((e) => !e.name)
          .map((e) => e.id)
          .join('\n'),
      ],
      onComplete: (found) => {
        for (const cert of found) if (cert) this.#known.set(cert.id, cert);
        const unknown = this.entries.filter((e) => !e.name && !this.#known.has(e.id));
        for (const entry of unknown) {
          console.warn(
            `[creditbank] <${this.localName}> value: unknown certificate "${entry.id}" dropped`,
          );
        }
        this.#resolveEntries(true);
      },
    }),
  );

  readonly #internals: ElementInternals | null = this.attachInternals?.() ?? null;

  /** The selection, in the order it was made. */
  @state() private entries: readonly Entry[] = [];

  /** The text in the input (the search query). */
  @state() private query = '';

  @state() private open = false;

  /** Index of the active option (`aria-activedescendant`), -1 for none. */
  @state() private active = -1;

  /** Disabled by an ancestor `<fieldset disabled>` or the own attribute (formDisabledCallback). */
  @state() private formDisabled = false;

  /** The last selection change, for the live region. */
  @state() private notice = '';

  /** Name under which the selection is submitted with a form. */
  @property({ reflect: true }) name = '';

  /** Allows several certificates; each is a chip and a form entry. */
  @property({ type: Boolean, reflect: true }) multiple = false;

  /** Picks a certificate at one of its levels: one option per level ("Web 前端开发 · 中级"). */
  @property({ type: Boolean, reflect: true, attribute: 'with-level' }) withLevel = false;

  /** Form validation: at least one certificate must be selected. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Disables the picker (also disabled inside a disabled `<fieldset>`). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Only certificates of this category (spec §2: `skill-level`, `industry`, …; empty: any). */
  @property() category?: string;

  /** Only certificates that have this level (`junior`, `level-3`, …; empty: any); with `with-level`, only that level's options. */
  @property() level?: string;

  #known = new Map<string, Certificate>();
  #searchedQuery = '';
  #pendingActive: 'first' | 'last' | null = null;
  /** the search ran at least once (on first open): no request before the user asks */
  #activated = false;

  /**
   * The selected certificate id(s): `id` (`id:level` when a level was picked); with
   * `multiple`, comma-separated. Ids set here are looked up in the catalog; unknown ones are
   * dropped with a console warning. The attribute is the initial value a form reset restores.
   */
  @property()
  get value(): string {
    return this.entries.map(serialize).join(',');
  }
  set value(value: string | null | undefined) {
    const seen = new Set<string>();
    const entries: Entry[] = [];
    for (const part of String(value ?? '').split(',')) {
      const text = part.trim();
      if (!text) continue;
      const entry = parseEntry(text);
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      entries.push(this.#resolve(entry) ?? entry);
    }
    this.#setEntries(entries);
  }

  /** The selection with names and categories (ids still being looked up are not in it yet). */
  @property({ attribute: false })
  get selected(): CertificateSelection[] {
    return this.entries.flatMap((e) => {
      const selection = this.#toSelection(e);
      return selection ? [selection] : [];
    });
  }
  set selected(value: readonly CertificateSelection[] | null | undefined) {
    // a selection without a name or a valid category is looked up by its id
    this.#setEntries(
      (value ?? []).flatMap((s) =>
        typeof s?.id === 'string' && s.id
          ? [
              isCategory(s.category) && s.name
                ? s
                : (this.#resolve({ id: s.id, level: s.level }) ?? { id: s.id, level: s.level }),
            ]
          : [],
      ),
    );
  }

  /** The form this picker belongs to. */
  get form(): HTMLFormElement | null {
    return this.#internals?.form ?? null;
  }

  /** The validity state (`valueMissing` when `required` and nothing is selected). */
  get validity(): ValidityState | undefined {
    return this.#internals?.validity;
  }

  /** The localized validation message, empty when valid. */
  get validationMessage(): string {
    return this.#internals?.validationMessage ?? '';
  }

  /** True when the picker takes part in constraint validation. */
  get willValidate(): boolean {
    return this.#internals?.willValidate ?? false;
  }

  /** Checks validity; fires `invalid` when not valid. */
  checkValidity(): boolean {
    return this.#internals?.checkValidity() ?? true;
  }

  /** Checks validity and shows the message to the user when not valid. */
  reportValidity(): boolean {
    return this.#internals?.reportValidity() ?? true;
  }

  /** Focuses the text input. */
  override focus(options?: FocusOptions): void {
    if (this.#input) this.#input.focus(options);
    else super.focus(options);
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    if (disabled) this.#close();
  }

  /** @internal */
  formResetCallback(): void {
    this.value = this.getAttribute('value') ?? '';
    this.query = '';
    this.notice = '';
    this.#close();
  }

  /** @internal */
  formStateRestoreCallback(restored: unknown): void {
    // the state is the value (ids), as `#syncForm` hands it over; the names are looked up again
    if (typeof restored === 'string') this.value = restored;
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot?.querySelector<HTMLInputElement>('#input') ?? null;
  }

  get #isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  #resolve(entry: Entry): Entry | null {
    const cert = this.#known.get(entry.id);
    if (!cert) return null;
    return { ...entry, name: cert.name, category: cert.category, levelNames: cert.levelNames };
  }

  /** Names the entries the catalog answered for; with `drop`, removes those it does not know. */
  #resolveEntries(drop: boolean): void {
    this.#setEntries(
      this.entries.flatMap((e) => {
        if (e.name) return [e];
        const resolved = this.#resolve(e);
        return resolved ? [resolved] : drop ? [] : [e];
      }),
    );
  }

  #toSelection(entry: Entry): CertificateSelection | null {
    if (!entry.name || !entry.category) return null;
    const levelName = entry.level ? entry.levelNames?.[entry.level] : undefined;
    return {
      id: entry.id,
      name: entry.name,
      category: entry.category,
      ...(entry.level ? { level: entry.level } : {}),
      ...(levelName ? { levelName } : {}),
    };
  }

  #setEntries(entries: readonly Entry[]): void {
    this.entries = entries;
    this.#syncForm();
  }

  /** Hands the value, the restore state and the validity to the form. */
  #syncForm(): void {
    const internals = this.#internals;
    if (!internals) return;
    const entries = this.multiple ? this.entries : this.entries.slice(0, 1);
    const values = entries.map(serialize);
    let submitted: string | FormData | null = values[0] ?? null;
    if (this.multiple && values.length) {
      submitted = new FormData();
      if (this.name) for (const v of values) submitted.append(this.name, v);
    }
    internals.setFormValue(submitted, this.value);
    if (this.required && values.length === 0) {
      internals.setValidity({ valueMissing: true }, this.#m('required'), this.#input ?? undefined);
    } else {
      internals.setValidity({});
    }
  }

  #m(key: keyof (typeof messages)['zh-CN'], params?: Record<string, string | number>) {
    return this.msg(messages, key, params);
  }

  #levelName(level: string, names: Entry['levelNames']): string {
    return levelName(level, this.effectiveLocale, names);
  }

  #entryText(entry: Entry): string {
    const name = entry.name ?? entry.id;
    return entry.level ? joinDot(name, this.#levelName(entry.level, entry.levelNames)) : name;
  }

  #optionsOf(page: CertificatePage): Option[] {
    return page.items.flatMap((cert): Option[] =>
      this.withLevel
        ? cert.levels
            .filter((l) => !this.level || l === this.level)
            .map((level) => ({ cert, level }))
        : [{ cert }],
    );
  }

  /** The options on show (none unless the search is complete). */
  get #options(): Option[] {
    const page = this.#search.value;
    return this.#search.status === TaskStatus.COMPLETE && page ? this.#optionsOf(page) : [];
  }

  #isSelected(option: Option): boolean {
    return this.entries.some(
      (e) => e.id === option.cert.id && (!this.withLevel || e.level === option.level),
    );
  }

  #openPopup(focus: 'first' | 'last' | null = null): void {
    if (this.#isDisabled) return;
    this.#activated = true;
    this.open = true;
    const count = this.#options.length;
    if (focus && count && this.#search.status === TaskStatus.COMPLETE) {
      this.active = focus === 'first' ? 0 : count - 1;
    } else {
      this.#pendingActive = focus;
    }
  }

  #close(): void {
    this.open = false;
    this.active = -1;
    this.#pendingActive = null;
  }

  #moveActive(delta: 1 | -1): void {
    // results of the current text still on their way: remember the key for when they arrive
    if (this.#search.status !== TaskStatus.COMPLETE) {
      this.#pendingActive = delta > 0 ? 'first' : 'last';
      return;
    }
    const count = this.#options.length;
    if (count) {
      this.active =
        this.active < 0 ? (delta > 0 ? 0 : count - 1) : (this.active + delta + count) % count;
    }
  }

  #choose(option: Option): void {
    const { cert } = option;
    const next: Entry = {
      id: cert.id,
      name: cert.name,
      category: cert.category,
      levelNames: cert.levelNames,
      ...(option.level ? { level: option.level } : {}),
    };
    const current = this.entries.find((e) => e.id === cert.id);
    const same = Boolean(current) && (!this.withLevel || current?.level === option.level);
    if (!this.multiple) {
      this.query = '';
      this.#close();
      if (same) return;
      this.#commit([next], next, this.entries[0] ?? null);
      return;
    }
    // one selection per certificate: choosing it again removes it, another level replaces it
    this.#commit(
      same
        ? this.entries.filter((e) => e !== current)
        : current
          ? this.entries.map((e) => (e === current ? next : e))
          : [...this.entries, next],
      same ? null : next,
      current ?? null,
    );
    // the list stays open for more choices; the query is selected, so typing starts a new one
    this.#input?.select();
  }

  #removeAt(index: number): void {
    const entry = this.entries[index];
    if (!entry || this.#isDisabled) return;
    this.#commit(
      this.entries.filter((_, i) => i !== index),
      null,
      entry,
    );
  }

  /** Applies a user's change: form value, announcement, then `input`, `change` and the cb- event. */
  #commit(entries: readonly Entry[], added: Entry | null, removed: Entry | null): void {
    this.#setEntries(entries);
    this.notice = added
      ? this.#m('added', { name: this.#entryText(added) })
      : removed
        ? this.#m('removed', { name: this.#entryText(removed) })
        : '';
    const init = { bubbles: true, composed: true };
    this.dispatchEvent(new Event('input', init));
    this.dispatchEvent(new Event('change', init));
    this.emit<CertificatesChangedDetail>('cb-certificates-changed', {
      selected: this.selected,
      value: this.value,
      added: added && this.#toSelection(added),
      removed: removed && this.#toSelection(removed),
    });
  }

  #retry(): void {
    this.#input?.focus();
    this.open = true;
    void this.#search.run();
  }

  /**
   * One click listener for the host and its shadow tree: an option is chosen (the keyboard
   * works through the input and `aria-activedescendant`); a click on the field's background or
   * on the host itself (a `<label for>` of the page) focuses the input.
   */
  #onHostClick(event: Event): void {
    const path = event.composedPath();
    const option = path.find((n) => n instanceof Element && n.getAttribute('role') === 'option');
    if (option) {
      const chosen = this.#options[Number((option as Element).id.slice(4))];
      if (chosen) this.#choose(chosen);
    } else if (path[0] === this || (path[0] as Element).classList?.contains('field')) {
      this.focus();
    }
  }

  #onInput(event: InputEvent | CompositionEvent): void {
    // no search for the Latin letters of an unfinished IME (pinyin) composition
    if (event.type === 'input' && (event as InputEvent).isComposing) return;
    this.query = (event.target as HTMLInputElement).value;
    this.notice = '';
    this.active = -1;
    this.#openPopup();
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.isComposing || event.keyCode === 229) return; // IME (pinyin) composition
    const options = this.#options;
    const input = event.target as HTMLInputElement;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        if (this.open) this.#moveActive(down ? 1 : -1);
        else this.#openPopup(down ? 'first' : 'last');
        break;
      }
      case 'Home':
      case 'End':
        if (this.open && options.length) {
          event.preventDefault();
          this.active = event.key === 'Home' ? 0 : options.length - 1;
        }
        break;
      case 'Enter': {
        const option = this.open ? options[this.active] : undefined;
        if (option) {
          event.preventDefault();
          this.#choose(option);
        }
        break;
      }
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.#close();
        } else if (this.query) {
          event.preventDefault();
          this.query = '';
        }
        break;
      case 'Backspace':
        if (!input.value && this.entries.length) {
          event.preventDefault();
          this.#removeAt(this.entries.length - 1);
        }
        break;
    }
  }

  #onInputClick(): void {
    if (!this.open) this.#openPopup();
  }

  #onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    const popup = this.renderRoot.querySelector('.popup');
    if (next && (next === this.#input || popup?.contains(next))) return;
    this.#close();
  }

  #onChipKeyDown(event: KeyboardEvent, index: number): void {
    if (event.key !== 'Backspace' && event.key !== 'Delete') return;
    event.preventDefault();
    // Backspace goes back to the previous chip, Delete on to the next; then the input
    this.#removeChip(index, event.key === 'Backspace' && index > 0 ? index - 1 : index);
  }

  #onChipClick(event: MouseEvent, index: number): void {
    // a keyboard click (Enter, Space) moves on to the next chip; a pointer click to the input
    this.#removeChip(index, event.detail === 0 ? index : -1);
  }

  /** Removes chip `index`, then focuses chip `next` of those left, or the input. */
  #removeChip(index: number, next: number): void {
    const left = this.entries.length - 1;
    this.#removeAt(index);
    this.#focusChip(next < left ? next : -1);
  }

  /** Focuses the remove button of chip `index` after the next render, or the input for -1. */
  #focusChip(index: number): void {
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('[part="chip-remove"]');
      const target = index >= 0 ? buttons[index] : undefined;
      (target ?? this.#input)?.focus();
    });
  }

  protected override configIssues(): ConfigIssue[] {
    const issues = super.configIssues();
    if (this.category && !isCategory(this.category)) {
      issues.push({
        name: 'category',
        reason: `"${this.category}" is not one of ${CERTIFICATE_CATEGORIES.join(', ')}`,
      });
    }
    return issues;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.multiple && this.entries.length > 1) this.#setEntries(this.entries.slice(0, 1));
    if (this.#isDisabled && this.open) this.#close();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#syncForm();
    if (changed.has('active') && this.active >= 0) {
      this.renderRoot.querySelector(`#opt-${this.active}`)?.scrollIntoView?.({ block: 'nearest' });
    }
  }

  /** The input's accessible name: the text of the host's `<label>`s (`<label for>`), else a default. */
  #accessibleName(): string {
    const labels = this.#internals?.labels;
    const text = labels
      ? Array.from(labels, (l) => l.textContent?.trim() ?? '')
          .filter(Boolean)
          .join(' ')
      : '';
    return text || this.#m('label');
  }

  protected override renderView(): unknown {
    if (!this.api) return this.renderNoClient();
    const locale = this.effectiveLocale;
    const disabled = this.#isDisabled;
    const open = this.open && !disabled;
    const options = open ? this.#options : [];
    const activeId = open && options[this.active] ? `opt-${this.active}` : undefined;
    const name = this.#accessibleName();
    return html`<div
      class=${disabled ? 'disabled' : ''}
      part="base"
      lang=${locale}
      @focusout=${this.#onFocusOut}
      @input=${stopInput}
    >
      <div class="combo">
        <div class="field" part="field">
          ${this.#renderChips(disabled)}
          <input
            id="input"
            part="input"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-expanded=${String(open)}
            aria-controls="listbox"
            aria-activedescendant=${activeId ?? nothing}
            aria-label=${name}
            aria-required=${String(this.required)}
            placeholder=${this.entries.length && !this.multiple ? nothing : this.#m('placeholder')}
            .value=${this.query}
            ?disabled=${disabled}
            @input=${this.#onInput}
            @compositionend=${this.#onInput}
            @keydown=${this.#onKeyDown}
            @click=${this.#onInputClick}
          />
        </div>
        ${this.#renderPopup(open, options, name)}
      </div>
      <div class="visually-hidden" role="status">
        ${this.notice || (open ? this.#statusText(options.length) : '')}
      </div>
    </div>`;
  }

  #renderChips(disabled: boolean): TemplateResult | typeof nothing {
    if (!this.entries.length) return nothing;
    return html`<ul class="chips" part="chips" aria-label=${this.#m('selected')}>
      ${this.entries.map((entry, index) => {
        const text = this.#entryText(entry);
        return html`<li class="chip" part="chip">
          <span class=${entry.name ? '' : 'muted'}>${text}</span>
          <button
            type="button"
            part="chip-remove"
            aria-label=${this.#m('remove', { name: text })}
            ?disabled=${disabled}
            @click=${(e: MouseEvent) => this.#onChipClick(e, index)}
            @keydown=${(e: KeyboardEvent) => this.#onChipKeyDown(e, index)}
          >
            ×
          </button>
        </li>`;
      })}
    </ul>`;
  }

  #renderPopup(open: boolean, options: Option[], name: string): TemplateResult {
    const state = open ? this.#popupState(options.length) : null;
    return html`<div class="popup" part="popup" ?hidden=${!open} @mousedown=${this.#keepFocus}>
      <div
        id="listbox"
        role="listbox"
        part="listbox"
        aria-label=${name}
        aria-multiselectable=${this.multiple ? 'true' : nothing}
        aria-busy=${String(state?.[0] === 'loading')}
      >
        ${options.map((option, index) => {
          const selected = this.#isSelected(option);
          const { cert } = option;
          return html`<div
            id="opt-${index}"
            role="option"
            part="option"
            class="${index === this.active ? 'active' : ''}"
            aria-selected=${String(selected)}
          >
            <span class="name"
              >${cert.name}${
                option.level
                  ? // the space outside the level: a line may break before the separator, not after
                    [
                      dotGap(cert.name),
                      html`<span class="level"
                        >· ${this.#levelName(option.level, cert.levelNames)}</span
                      >`,
                    ]
                  : nothing
              }</span
            >
            <span class="meta"
              >${nameOf(certificateCategoryNames, cert.category, this.effectiveLocale)}${
                cert.issuer ? ` · ${cert.issuer}` : ''
              }</span
            >
          </div>`;
        })}
      </div>
      ${
        state
          ? html`<div class="note ${state[0]}" part=${state[0]}>
              ${state[1]}
              ${
                state[0] === 'error'
                  ? html`<button class="btn" type="button" part="retry" @click=${this.#retry}>
                      ${this.t('retry')}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
    </div>`;
  }

  /**
   * The state of the open drop-down as `[part, text]` of its status row (`loading`, `empty`,
   * `error`), or null when it shows results.
   */
  #popupState(count: number): [string, string] | null {
    const task = this.#search;
    const page = task.value;
    if (task.status === TaskStatus.ERROR) return ['error', this.errorText(task.error)];
    if (task.status !== TaskStatus.COMPLETE || !page) return ['loading', this.#m('searching')];
    return count ? null : ['empty', this.#m('noMatch')];
  }

  /** What the live region says while the drop-down is open: searching, the count, no match. */
  #statusText(count: number): string {
    const state = this.#popupState(count);
    const page = this.#search.value;
    return state ? state[1] : this.#m('found', { count: page?.total ?? count });
  }

  #keepFocus(event: MouseEvent): void {
    // clicking an option or the panel keeps the focus in the input (retry is a real button)
    if (!(event.target as Element).closest('button')) event.preventDefault();
  }
}
