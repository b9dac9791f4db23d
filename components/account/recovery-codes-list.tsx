// Recovery codes, shown once right after they are made: the server keeps only their hashes.
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <div
      className="rounded-md border border-amber-300 bg-amber-50 p-4"
      data-testid="recovery-codes"
    >
      <p className="mb-2 text-sm font-medium text-amber-900">
        Recovery codes: store them somewhere safe now. Each works once, in place of a code from your
        app or a passkey. They will not be shown again.
      </p>
      <ul className="grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((c) => (
          <li key={c} data-testid="recovery-code">
            {c}
          </li>
        ))}
      </ul>
    </div>
  );
}
