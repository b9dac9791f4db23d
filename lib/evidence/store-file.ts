import type { Tx } from "@/lib/db/tx";
import type { PreparedFile } from "./upload";

/**
 * Stores the content once per SHA-256 (blobs are immutable) and adds a revision.
 * Returns where identical content was uploaded before, if anywhere.
 */
export async function storeRevision(
  tx: Tx,
  evidenceId: string,
  number: number,
  file: PreparedFile,
  uploadedById: string | null,
) {
  const earlier = await tx.evidenceRevision.findFirst({
    where: { sha256: file.sha256 },
    orderBy: { uploadedAt: "asc" },
    select: { number: true, evidence: { select: { id: true, title: true } } },
  });
  await tx.evidenceBlob.createMany({
    data: [
      { sha256: file.sha256, content: new Uint8Array(file.content), size: file.content.length },
    ],
    skipDuplicates: true,
  });
  await tx.evidenceRevision.create({
    data: {
      evidenceId,
      number,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.content.length,
      sha256: file.sha256,
      secretFindings: file.findings.map((f) => ({ ...f })),
      redacted: file.redacted,
      scanNote: file.scanNote,
      uploadedById,
    },
  });
  return earlier
    ? { evidenceId: earlier.evidence.id, title: earlier.evidence.title, revision: earlier.number }
    : null;
}
