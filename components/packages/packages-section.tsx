import type { StoredPackage } from "@/lib/package/stored-packages";
import { CreatePackageForm } from "./create-package-form";
import { DownloadButton } from "@/components/ui/download-button";

/** Settings: the audit packages, the signing key that vouches for them, and (admins) a new one. */
export function PackagesSection({
  packages,
  canCreate,
  canDownload,
  period,
  signingKey,
}: {
  packages: StoredPackage[];
  canCreate: boolean;
  canDownload: boolean;
  period: { from: string; to: string };
  signingKey: { grouped: string; publicKeyPem: string };
}) {
  return (
    <section
      className="mb-8 rounded-xl border border-slate-200 bg-white p-6"
      data-testid="packages"
    >
      <h2 className="mb-1 text-lg font-semibold">Audit packages</h2>
      <p className="mb-3 text-sm text-slate-600">
        Everything an auditor takes away for a period (evidence, tables, activity log, OSCAL), as a
        ZIP signed by this workspace. Unzip it and run <code>node verify.mjs --fingerprint …</code>{" "}
        in the folder, or <code>npm run cli -- package verify FILE.zip</code>.
      </p>
      <div className="mb-4 text-sm">
        <p>
          Signing key fingerprint (SHA-256):{" "}
          <code data-testid="signing-fingerprint" className="break-all">
            {signingKey.grouped}
          </code>
        </p>
        <details className="mt-1">
          <summary className="cursor-pointer text-slate-600">Public key</summary>
          <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">
            {signingKey.publicKeyPem}
          </pre>
        </details>
      </div>
      {canCreate && (
        <div className="mb-4">
          <CreatePackageForm from={period.from} to={period.to} />
        </div>
      )}
      {canDownload &&
        (packages.length === 0 ? (
          <p className="text-sm text-slate-600">No packages yet.</p>
        ) : (
          <table className="w-full text-sm" data-testid="packages-table">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-1">Period</th>
                <th>Created (UTC)</th>
                <th>Size</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {packages.map((p) => (
                <tr key={p.id} className="border-t border-slate-100">
                  <td className="py-1">
                    {p.from} – {p.to}
                  </td>
                  <td>{p.createdAt}</td>
                  <td>{(p.size / 1_048_576).toFixed(1)} MB</td>
                  <td>
                    <DownloadButton
                      action={`/api/packages/${p.id}`}
                      className="cursor-pointer text-indigo-700 hover:underline"
                      testId="package-download"
                    >
                      Download
                    </DownloadButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
