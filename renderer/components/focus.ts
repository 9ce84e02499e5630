const FIELD_SELECTOR = 'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), [role=combobox]';

/** Puts the caret in the first editable field inside a container. */
export function focusFirstField(container: HTMLElement | null): void {
  const field = container?.querySelector<HTMLElement>(FIELD_SELECTOR);
  field?.focus();
}
