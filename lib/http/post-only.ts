// A download that is recorded in the activity log is a POST (issue 10: a GET never writes to the
// log). A GET to its address — an old bookmark, a link, a crawler — answers 405 with `Allow: POST`
// and says how to get the file, reading and writing nothing.
export function postOnly(what: string) {
  return async (): Promise<Response> =>
    Response.json(
      {
        error: `${what} is downloaded with POST from Trustboard's own page (its download button), because every download is recorded in the activity log and a GET never writes to it.`,
        code: "method_not_allowed",
      },
      { status: 405, headers: { Allow: "POST", "Cache-Control": "no-store" } },
    );
}
