import { getCourses } from '@creditbank/client/endpoints';
import {
  COURSE_SORTS,
  type CatalogCourse,
  type CoursePage,
  type CourseQuery,
  type FacetBucket,
} from '@creditbank/core/api';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import {
  virtualize,
  virtualizerRef,
  type VirtualizerHostElement,
} from '@lit-labs/virtualizer/virtualize.js';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { CbElement, type ConfigIssue } from '../shared/base.js';
import { formatCredits, formatMoney, formatNumber } from '../shared/format.js';
import { messages, modeNames } from './course-browser.messages.js';
import { styles } from './course-browser.styles.js';

/** The search a host can read, set and keep in its URL: every field optional. */
export type CourseBrowserQuery = Pick<
  CourseQuery,
  'q' | 'provider' | 'credits' | 'level' | 'mode' | 'fee' | 'sort'
>;

/** Detail of `cb-course-select`: the course and whether it was selected (Enter, click) or added. */
export interface CourseSelectDetail {
  readonly course: CatalogCourse;
  readonly action: 'select' | 'add';
}

/** Detail of `cb-query-change`: the whole search after the user changed it. */
export interface QueryChangeDetail {
  readonly query: CourseBrowserQuery;
}

type Facet = keyof CoursePage['facets'];
const FACETS: readonly Facet[] = ['provider', 'credits', 'level', 'mode', 'fee'];
/** the server's fee buckets (`GET /v1/catalog/courses?fee=`) */
const FEE_BUCKETS = ['0-0', '1-200', '201-500', '501-'];
const DEBOUNCE_MS = 300;
/** start the next page when the rendered range comes this close to the last loaded row */
const AHEAD = 10;
const LOADING_ROW = 'loading-more';
type Row = CatalogCourse | typeof LOADING_ROW;

interface Results {
  readonly request: CourseQuery;
  items: CatalogCourse[];
  nextCursor: string | null;
  total: number;
  /** the next page: idle, being fetched, or failed */
  more: 'idle' | 'loading' | 'error';
  moreError?: unknown;
  /** what the virtualizer renders: the items, plus the loading-more row while fetching */
  rows: readonly Row[];
}

/** Keyboard position in the treegrid: a row (`col` -1), its course cell (0) or its add button (1). */
interface Position {
  readonly index: number;
  readonly col: -1 | 0 | 1;
}

/** The query without empty fields and the default sort, `q` trimmed: what goes in a URL. */
function clean(query: CourseBrowserQuery): CourseBrowserQuery {
  const out: CourseBrowserQuery = {};
  const q = query.q?.trim();
  if (q) out.q = q;
  if (query.provider) out.provider = query.provider;
  if (query.credits !== undefined && query.credits !== null) out.credits = query.credits;
  if (query.level !== undefined && query.level !== null) out.level = query.level;
  if (query.mode) out.mode = query.mode;
  if (query.fee) out.fee = query.fee;
  if (query.sort && query.sort !== 'relevance') out.sort = query.sort;
  return out;
}

/**
 * The course supermarket (课程超市): search by title, narrow by provider, credits, framework
 * level, study mode and fee (each with its count), sort, and scroll one virtualised list over
 * the whole catalog. Pages come by cursor as the list nears the end of what is loaded; the DOM
 * holds about a screenful of rows however many courses match.
 *
 * The list is one tab stop: the APG treegrid pattern (one level) with a roving tabindex, so
 * every row carries `aria-posinset`/`aria-setsize` and a real "add" button. Up/Down move by
 * row, PageUp/PageDown by a screenful, Home/End to the first/last loaded row (End on the last
 * row loads the next page), Right/Left step into the row's cells, Enter selects. When the
 * focused row scrolls out of the DOM, focus parks on the list and comes back to the row when
 * it is rendered again.
 *
 * @summary Search, facets, sort and a virtualised, cursor-paged list of catalog courses.
 * @event cb-course-select - A course was selected (Enter, click) or added (its add button); detail `{ course, action }`.
 * @event cb-query-change - The user changed the search, a facet or the sort; detail `{ query }`.
 * @csspart base - The card.
 * @csspart search - The search input.
 * @csspart sort - The sort select.
 * @csspart facets - The group of facet selects.
 * @csspart facet - Each facet select.
 * @csspart clear - The clear-filters button.
 * @csspart summary - The number of matching courses.
 * @csspart list - The scrolling treegrid of courses.
 * @csspart row - Each course row.
 * @csspart add - The add button of a row.
 * @csspart loading-more - The row at the end while the next page loads.
 * @csspart more-error - The message and retry button when the next page failed.
 * @csspart loading - The skeleton while the first page loads.
 * @csspart empty - No course matches.
 * @csspart error - The error state.
 * @csspart retry - The retry button of the error state.
 * @cssproperty --cb-course-browser-height - Height of the scrolling list (480px).
 * @cssproperty --cb-color-primary - Accent of the selected row.
 * @cssproperty --cb-color-bg - Card background.
 * @cssproperty --cb-color-bg-muted - Selected and hovered rows.
 * @cssproperty --cb-color-border - Card, control and row borders.
 * @cssproperty --cb-font-family - Font stack.
 * @cssproperty --cb-font-size - Base font size (14px).
 * @cssproperty --cb-radius - Corner radius.
 * @cssproperty --cb-spacing - Spacing unit.
 * @cssproperty --cb-density - Spacing multiplier (compact 0.75).
 */
export class CbCourseBrowser extends CbElement {
  static override styles = [CbElement.styles, styles];

  private readonly results = this.track(
    new Task(this, {
      task: async ([api, key], { signal }): Promise<Results | null> => {
        this.moreAbort?.abort();
        if (!api || !key) return null;
        const request = JSON.parse(key) as CourseQuery;
        const page = await api.request(getCourses(request), { signal });
        this.facets = page.facets;
        this.learnNames(page.items);
        return {
          request,
          items: page.items,
          nextCursor: page.nextCursor,
          total: page.total,
          more: 'idle',
          rows: page.items,
        };
      },
      args: () => [this.api, this.requestKey()] as const,
    }),
  );

  /** the search box while the user types (committed to `query` after a pause) */
  @state() private draft = '';

  @state() private active: Position = { index: 0, col: -1 };

  /** The search: `{ q, provider, credits, level, mode, fee, sort }`, all optional. */
  @property({ attribute: false }) query: CourseBrowserQuery = {};

  /** Courses per page, 1–200 (default 50). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** Code of the selected course (set by Enter or a click on a row). */
  @property() selected = '';

  @query('[role="treegrid"]') private grid?: VirtualizerHostElement | null;

  private facets?: CoursePage['facets'];
  /** provider id → name, learnt from every page loaded */
  private readonly providerNames = new Map<string, string>();
  private moreAbort?: AbortController;
  private debounce?: ReturnType<typeof setTimeout>;
  /** move DOM focus to the active position after the next render */
  private focusPending = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.debounce);
    this.moreAbort?.abort();
  }

  /** Reloads the search from its first page. */
  refresh(): void {
    void this.results.run();
  }

  private requestKey(): string {
    if (this.configIssues().length) return '';
    return JSON.stringify({ ...clean(this.query), limit: Math.floor(this.pageSize) });
  }

  protected override configIssues(): ConfigIssue[] {
    const issues = super.configIssues();
    const size = this.pageSize;
    if (!Number.isInteger(size) || size < 1 || size > 200) {
      const given = this.getAttribute('page-size') ?? String(size);
      issues.push({ name: 'page-size', reason: `"${given}" is not a whole number from 1 to 200` });
    }
    const q = this.query as Record<string, unknown> | null;
    if (!q || typeof q !== 'object') {
      issues.push({ name: 'query', reason: 'is not an object' });
      return issues;
    }
    const bad = (name: string, reason: string) =>
      issues.push({ name: `query.${name}`, reason: `"${String(q[name])}" ${reason}` });
    for (const name of ['q', 'provider', 'mode'] as const) {
      if (q[name] !== undefined && typeof q[name] !== 'string') bad(name, 'is not text');
    }
    if (typeof q['q'] === 'string' && q['q'].length > 200) bad('q', 'is longer than 200');
    const credits = q['credits'];
    if (credits != null && !(typeof credits === 'number' && credits >= 0 && credits < 1000)) {
      bad('credits', 'is not a number of credits');
    }
    const level = q['level'];
    if (
      level != null &&
      !(Number.isInteger(level) && (level as number) >= 0 && (level as number) <= 10)
    ) {
      bad('level', 'is not a framework level 0–10');
    }
    if (q['fee'] && !FEE_BUCKETS.includes(q['fee'] as string)) {
      bad('fee', `is not one of ${FEE_BUCKETS.join(', ')}`);
    }
    if (q['sort'] && !(COURSE_SORTS as readonly unknown[]).includes(q['sort'])) {
      bad('sort', `is not one of ${COURSE_SORTS.join(', ')}`);
    }
    return issues;
  }

  private m(key: keyof (typeof messages)['zh-CN'], params?: Record<string, string | number>) {
    return this.msg(messages, key, params);
  }

  /** The user changed the search: store it, start over at the top, tell the host. */
  private change(next: CourseBrowserQuery): void {
    clearTimeout(this.debounce);
    const query = clean(next);
    if (JSON.stringify(query) === JSON.stringify(clean(this.query))) return;
    this.query = query;
    this.active = { index: 0, col: -1 };
    this.emit<QueryChangeDetail>('cb-query-change', { query: { ...query } });
  }

  private onSearchInput(event: Event): void {
    this.draft = (event.target as HTMLInputElement).value;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.commitSearch(), DEBOUNCE_MS);
  }

  private onSearchKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') this.commitSearch();
  }

  private commitSearch(): void {
    this.change({ ...this.query, q: this.draft });
  }

  private onFacet(facet: Facet, value: string): void {
    const next: CourseBrowserQuery = { ...this.query };
    if (facet === 'credits' || facet === 'level') next[facet] = value ? Number(value) : undefined;
    else next[facet] = value || undefined;
    this.change(next);
  }

  private clearFilters(): void {
    const { q, sort } = this.query;
    this.change({ q, sort });
    // the button goes away with the filters: focus goes on to the first facet, not the body
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('select[part="facet"]')?.focus(),
    );
  }

  private learnNames(items: readonly CatalogCourse[]): void {
    for (const course of items) {
      if (course.provider && course.providerName) {
        this.providerNames.set(course.provider, course.providerName);
      }
    }
  }

  /** Fetches the page after the last loaded one (by cursor) and appends it. */
  private async loadMore(): Promise<void> {
    const results = this.results.value;
    const api = this.api;
    if (!results || !api || !results.nextCursor || results.more === 'loading') return;
    const controller = new AbortController();
    this.moreAbort?.abort();
    this.moreAbort = controller;
    results.more = 'loading';
    results.rows = [...results.items, LOADING_ROW];
    this.requestUpdate();
    try {
      const page = await api.request(
        getCourses({ ...results.request, cursor: results.nextCursor }),
        { signal: controller.signal },
      );
      // aborted by a new search (these results are gone) or a disconnect (the next range retries)
      if (!controller.signal.aborted) {
        this.learnNames(page.items);
        results.items = results.items.concat(page.items);
        results.nextCursor = page.nextCursor;
        results.total = page.total;
      }
      results.more = 'idle';
    } catch (error) {
      results.more = controller.signal.aborted ? 'idle' : 'error';
      results.moreError = error;
    }
    results.rows = results.items;
    this.requestUpdate();
  }

  private onRange(event: RangeChangedEvent): void {
    const { first, last } = event;
    const grid = this.grid;
    // park focus on the list before the virtualizer drops the focused row from the DOM
    const focused = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (grid && focused && focused !== grid && grid.contains(focused)) {
      const index = this.indexOf(focused);
      if (index < first || index > last) grid.focus({ preventScroll: true });
    }
    const results = this.results.value;
    if (results && results.more === 'idle' && last >= results.items.length - AHEAD) {
      void this.loadMore();
    }
    // after the virtualizer has rendered the new range
    queueMicrotask(() => this.restoreFocus());
  }

  /** Rows a PageUp/PageDown moves: a screenful less one, the same both ways. */
  private pageRows(): number {
    const grid = this.grid;
    const row = grid?.querySelector<HTMLElement>('[data-index]');
    if (!grid || !row?.offsetHeight) return 10;
    return Math.max(1, Math.floor(grid.clientHeight / row.offsetHeight) - 1);
  }

  private indexOf(element: Element): number {
    const row = element.closest<HTMLElement>('[data-index]');
    return row ? Number(row.dataset['index']) : -1;
  }

  /** The element of a keyboard position, when its row is rendered. */
  private elementAt({ index, col }: Position): HTMLElement | null {
    const row = this.grid?.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? null;
    if (!row || col < 0) return row;
    return row.querySelector<HTMLElement>(col === 0 ? '[role="gridcell"]' : 'button');
  }

  /**
   * Keeps the list one tab stop: the active element when it is rendered, else the list itself;
   * and brings focus back from the list to the active row once that row is rendered again.
   */
  private restoreFocus(): void {
    const grid = this.grid;
    if (!grid) return;
    const target = this.elementAt(this.active);
    grid.tabIndex = target ? -1 : 0;
    const root = this.renderRoot as ShadowRoot;
    const focus = root.activeElement;
    // a key moved the position; if focus has gone elsewhere since, leave it there
    if (this.focusPending && !(focus && grid.contains(focus))) this.focusPending = false;
    if (this.focusPending) {
      if (target) {
        this.focusPending = false;
        target.focus();
      } else {
        if (root.activeElement !== grid) grid.focus({ preventScroll: true });
        grid[virtualizerRef]?.element(this.active.index)?.scrollIntoView({ block: 'nearest' });
      }
    } else if (target && focus === grid) {
      target.focus({ preventScroll: true });
    }
  }

  private moveTo(index: number, col: Position['col']): void {
    const count = this.results.value?.items.length ?? 0;
    if (!count) return;
    this.active = { index: Math.max(0, Math.min(count - 1, index)), col };
    this.focusPending = true;
    this.requestUpdate();
  }

  private onGridKey(event: KeyboardEvent): void {
    const results = this.results.value;
    if (!results?.items.length || event.altKey || event.metaKey) return;
    const { index, col } = this.active;
    const page = this.pageRows();
    const onButton = (event.target as Element).localName === 'button';
    const last = results.items.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        this.moveTo(index + 1, col);
        break;
      case 'ArrowUp':
        this.moveTo(index - 1, col);
        break;
      case 'PageDown':
        this.moveTo(index + page, col);
        break;
      case 'PageUp':
        this.moveTo(index - page, col);
        break;
      case 'Home':
        if (col < 0 || event.ctrlKey) this.moveTo(0, col);
        else this.moveTo(index, 0);
        break;
      case 'End':
        if (col < 0 || event.ctrlKey) {
          // already on the last loaded row: fetch the next page
          if (index === last) void this.loadMore();
          this.moveTo(last, col);
        } else this.moveTo(index, 1);
        break;
      case 'ArrowRight':
        this.moveTo(index, col < 1 ? ((col + 1) as Position['col']) : 1);
        break;
      case 'ArrowLeft':
        this.moveTo(index, col > -1 ? ((col - 1) as Position['col']) : -1);
        break;
      case 'Enter':
        // the focused add button clicks itself
        if (onButton) return;
        this.choose(index, col === 1 ? 'add' : 'select');
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private onGridFocusIn(event: FocusEvent): void {
    const target = event.target as HTMLElement;
    if (target === this.grid) return;
    const index = this.indexOf(target);
    if (index < 0) return;
    const col: Position['col'] =
      target.localName === 'button' ? 1 : target.getAttribute('role') === 'gridcell' ? 0 : -1;
    if (index !== this.active.index || col !== this.active.col) this.active = { index, col };
  }

  /** A focused row removed before its range event (another engine's order): park on the list. */
  private onGridFocusOut(event: FocusEvent): void {
    const target = event.target as HTMLElement;
    if (event.relatedTarget || target === this.grid) return;
    queueMicrotask(() => {
      const grid = this.grid;
      const root = this.renderRoot as ShadowRoot;
      if (!target.isConnected && grid?.isConnected && !root.activeElement) {
        grid.focus({ preventScroll: true });
      }
    });
  }

  private onGridClick(event: MouseEvent): void {
    const target = event.target as Element;
    const index = this.indexOf(target);
    if (index < 0) return;
    this.choose(index, target.closest('button') ? 'add' : 'select');
  }

  private choose(index: number, action: CourseSelectDetail['action']): void {
    const course = this.results.value?.items[index];
    if (!course) return;
    if (action === 'select') this.selected = course.code;
    this.emit<CourseSelectDetail>('cb-course-select', { course, action });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('query')) {
      const q = this.query?.q ?? '';
      // a host's query replaces the box; the user's own (trimmed) text stays as typed
      if (this.draft.trim() !== q.trim()) {
        clearTimeout(this.debounce);
        this.draft = q;
      }
      if (changed.get('query') !== undefined) this.active = { index: 0, col: -1 };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.restoreFocus();
  }

  private label(facet: Facet, value: string): string {
    const locale = this.effectiveLocale;
    switch (facet) {
      case 'provider':
        return this.providerNames.get(value) ?? value;
      case 'credits':
        return this.m('creditsValue', { credits: formatCredits(locale, Number(value)) });
      case 'level':
        return this.m('levelValue', { level: value });
      case 'mode':
        return modeNames[value]?.[locale] ?? value;
      case 'fee': {
        const [min, max] = value.split('-').map((v) => (v ? formatNumber(locale, Number(v)) : ''));
        if (max === '0') return this.m('free');
        return max ? `¥${min}–${max}` : this.m('feeFrom', { min: `¥${min}` });
      }
    }
  }

  protected override widgetTitle(): string {
    return this.m('title');
  }

  protected override renderView(): unknown {
    if (!this.api) return this.renderNoClient();
    const locale = this.effectiveLocale;
    const query = clean(this.query);
    const filtered = FACETS.some((facet) => query[facet] !== undefined);
    const sort = query.sort ?? 'relevance';
    return html`<section class="card" part="base" aria-labelledby="title" lang=${locale}>
      <h2 id="title">${this.m('title')}</h2>
      <div class="toolbar">
        <div class="search" role="search">
          <label class="visually-hidden" for="q">${this.m('search')}</label>
          <input
            id="q"
            part="search"
            type="search"
            maxlength="200"
            autocomplete="off"
            placeholder=${this.m('searchPlaceholder')}
            .value=${live(this.draft)}
            @input=${this.onSearchInput}
            @keydown=${this.onSearchKey}
          />
        </div>
        <label class="field">
          <span>${this.m('sort')}</span>
          <select
            part="sort"
            @change=${(e: Event) =>
              this.change({
                ...this.query,
                sort: (e.target as HTMLSelectElement).value as CourseBrowserQuery['sort'],
              })}
          >
            ${COURSE_SORTS.map(
              (value) =>
                html`<option value=${value} .selected=${live(value === sort)}>
                  ${this.m(value === 'title' ? 'sortTitle' : value)}
                </option>`,
            )}
          </select>
        </label>
      </div>
      <div class="facets" part="facets" role="group" aria-label=${this.m('filters')}>
        ${FACETS.map((facet) => this.renderFacet(facet, query))}
        ${
          filtered
            ? html`<button class="btn" type="button" part="clear" @click=${this.clearFilters}>
                ${this.m('clear')}
              </button>`
            : nothing
        }
      </div>
      ${this.results.render({
        initial: () => this.renderLoading(6),
        pending: () => this.renderLoading(6),
        error: (error) => this.renderError(error, () => this.refresh()),
        complete: (results) => (results ? this.renderResults(results) : nothing),
      })}
    </section>`;
  }

  private renderFacet(facet: Facet, query: CourseBrowserQuery): TemplateResult {
    const current = query[facet] === undefined ? '' : String(query[facet]);
    const buckets: FacetBucket[] = [...(this.facets?.[facet] ?? [])];
    if (current && !buckets.some((b) => b.value === current)) {
      buckets.push({ value: current, count: 0 });
    }
    const locale = this.effectiveLocale;
    return html`<label class="field">
      <span>${this.m(facet)}</span>
      <select
        part="facet"
        data-facet=${facet}
        @change=${(e: Event) => this.onFacet(facet, (e.target as HTMLSelectElement).value)}
      >
        <option value="" .selected=${live(current === '')}>${this.m('all')}</option>
        ${buckets.map(
          (bucket) =>
            html`<option
              value=${bucket.value}
              data-count=${bucket.count}
              .selected=${live(bucket.value === current)}
            >
              ${this.m('option', {
                label: bucket.label ?? this.label(facet, bucket.value),
                count: formatNumber(locale, bucket.count),
              })}
            </option>`,
        )}
      </select>
    </label>`;
  }

  private renderResults(results: Results): TemplateResult {
    const locale = this.effectiveLocale;
    if (results.items.length === 0) return this.renderEmpty(this.m('noMatch'));
    return html`<p class="summary muted" part="summary" role="status">
        ${this.m('total', { count: formatNumber(locale, results.total) })}
      </p>
      <div
        class="grid"
        part="list"
        role="treegrid"
        aria-label=${this.m('results')}
        aria-busy=${results.more === 'loading' ? 'true' : 'false'}
        @rangeChanged=${this.onRange}
        @keydown=${this.onGridKey}
        @focusin=${this.onGridFocusIn}
        @focusout=${this.onGridFocusOut}
        @click=${this.onGridClick}
      >
        ${virtualize<Row>({
          items: results.rows as Row[],
          scroller: true,
          keyFunction: (row) => (row === LOADING_ROW ? row : row.code),
          renderItem: (row, index) =>
            row === LOADING_ROW ? this.renderLoadingRow() : this.renderRow(row, index, results),
        })}
      </div>
      ${
        results.more === 'error'
          ? html`<div class="more-error" part="more-error" role="alert">
              <span>${this.m('moreFailed')}</span>
              <span class="muted">${this.errorText(results.moreError)}</span>
              <button class="btn" type="button" @click=${() => void this.loadMore()}>
                ${this.t('retry')}
              </button>
            </div>`
          : nothing
      }`;
  }

  private renderLoadingRow(): TemplateResult {
    return html`<div class="row loading-row" role="row" part="loading-more">
      <div role="gridcell" class="muted">${this.m('loadingMore')}</div>
    </div>`;
  }

  private renderRow(course: CatalogCourse, index: number, results: Results): TemplateResult {
    const locale = this.effectiveLocale;
    const { index: activeIndex, col } = this.active;
    const active = index === activeIndex;
    const tab = (c: Position['col']) => (active && col === c ? 0 : -1);
    const mode = course.mode ? (modeNames[course.mode]?.[locale] ?? course.mode) : '';
    return html`<div
      class="row"
      part="row"
      role="row"
      id=${`r${index}`}
      data-index=${index}
      data-code=${course.code}
      aria-level="1"
      aria-posinset=${index + 1}
      aria-setsize=${results.total}
      aria-selected=${course.code === this.selected ? 'true' : 'false'}
      tabindex=${tab(-1)}
    >
      <div class="info" role="gridcell" tabindex=${tab(0)}>
        <span class="course-title">${course.title}</span>
        <span class="meta muted">
          <span>${course.providerName ?? course.provider ?? course.institution}</span>
          <span class="num"
            >${this.m('creditsValue', { credits: formatCredits(locale, course.credits) })}</span
          >
          ${
            course.frameworkLevel !== undefined
              ? html`<span>${this.m('levelValue', { level: course.frameworkLevel })}</span>`
              : nothing
          }
          ${mode ? html`<span>${mode}</span>` : nothing}
        </span>
      </div>
      <div class="action" role="gridcell">
        <span class="fee num" data-fee=${course.fee}
          >${course.fee === 0 ? this.m('free') : formatMoney(locale, course.fee)}</span
        >
        <button class="btn" type="button" part="add" tabindex=${tab(1)}>
          ${this.m('add')}<span class="visually-hidden">${course.title}</span>
        </button>
      </div>
    </div>`;
  }
}
