import type { ComponentPropsWithRef, ReactNode } from 'react';

export type ButtonVariant = 'default' | 'primary' | 'danger' | 'warn' | 'quiet' | 'link';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  readonly variant?: ButtonVariant;
  readonly size?: 'normal' | 'small';
  /** Shown as pressed (a toggle); sets aria-pressed. */
  readonly pressed?: boolean;
}

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** The app's one button. `type` defaults to "button" so no button submits a form by accident. */
export function Button({ variant = 'default', size = 'normal', pressed, className, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      aria-pressed={pressed}
      className={classes('ui-button', `ui-button-${variant}`, size === 'small' && 'ui-button-small', className)}
      {...rest}
    />
  );
}

export interface IconButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'aria-label' | 'children'> {
  /** Names the button for screen readers and as its tooltip. */
  readonly label: string;
  readonly children: ReactNode;
  readonly tone?: 'default' | 'danger';
}

/** A square button that shows only an icon; the label is required so it is never nameless. */
export function IconButton({ label, tone = 'default', className, type = 'button', title, children, ...rest }: IconButtonProps) {
  return (
    <button
      type={type}
      aria-label={label}
      title={title ?? label}
      className={classes('ui-icon-button', tone === 'danger' && 'ui-icon-button-danger', className)}
      {...rest}
    >
      {children}
    </button>
  );
}
