/** The portal's star emblem (the same drawing as src/app/icon.svg, the browser tab's icon). */
export function Emblem({ size }: { size: number }) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="12" fill="#c8102e" />
      <path fill="#ffde00" d="M32 10l6.5 19.9H59L42.3 42.2l6.4 19.8L32 49.8 15.3 62l6.4-19.8L5 29.9h20.5z" />
    </svg>
  )
}
