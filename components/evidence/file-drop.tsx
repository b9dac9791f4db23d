"use client";
import { useRef, useState } from "react";
import { MAX_UPLOAD_BYTES } from "@/lib/evidence/limits";

const MB = 1024 * 1024;

// A file input that also accepts drag-and-drop; the size limit is checked before upload.
export function FileDrop({
  name = "file",
  onError,
}: {
  name?: string;
  onError?: (message: string | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);

  function accept(files: FileList | null) {
    const f = files?.[0];
    if (!f) return;
    if (f.size > MAX_UPLOAD_BYTES) {
      onError?.(
        `${f.name} is ${(f.size / MB).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / MB} MB.`,
      );
      if (input.current) input.current.value = "";
      setChosen(null);
      return;
    }
    onError?.(null);
    setChosen(`${f.name} (${Math.max(1, Math.round(f.size / 1024))} KB)`);
  }

  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (input.current && e.dataTransfer.files.length) {
          input.current.files = e.dataTransfer.files;
          accept(e.dataTransfer.files);
        }
      }}
      className={`flex flex-col items-center gap-2 rounded-xl border-2 border-dashed p-6 text-sm ${over ? "border-indigo-500 bg-indigo-50" : "border-slate-300 bg-slate-50"}`}
      data-testid="file-drop"
    >
      <p>Drag a file here, or</p>
      <label className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100">
        Choose a file
        <input
          ref={input}
          type="file"
          name={name}
          className="sr-only"
          onChange={(e) => accept(e.target.files)}
          data-testid="file-input"
        />
      </label>
      <p className="text-xs text-slate-600" aria-live="polite">
        {chosen ??
          `Up to ${MAX_UPLOAD_BYTES / MB} MB. Text files are checked for secrets before anyone else sees them.`}
      </p>
    </div>
  );
}
