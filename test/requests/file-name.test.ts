import { describe, expect, it } from "vitest";
import { attachmentDisposition, shownFileName } from "../../packages/core/src/documents/file-name";

describe("the name a document is shown and saved under", () => {
  it.each([
    [
      "a name that already says what the bytes are keeps it",
      "Contrat signé.PDF",
      "pdf",
      "Contrat signé.PDF",
    ],
    ["a JPEG may end in .jpeg", "photo.jpeg", "jpeg", "photo.jpeg"],
    ["a name with another extension gets the real one", "Annexe.cmd", "pdf", "Annexe.cmd.pdf"],
    ["a name without extension gets one", "scan", "png", "scan.png"],
    ["bytes of no accepted type are saved as .bin", "facture.pdf", "unknown", "facture.pdf.bin"],
    // Registered before the schemas refused them: shown without what would reorder or hide.
    [
      "a bidi override of an older document is taken out",
      "Annexe\u202Efdp.cmd",
      "pdf",
      "Annexe_fdp.cmd.pdf",
    ],
    [
      "zero-width and Windows-forbidden characters are taken out",
      'a\u200Bb<c>:"d".pdf',
      "pdf",
      "a_b_c___d_.pdf",
    ],
    ["leading dots and blanks go: no hidden file", " ..profil  ", "png", "profil.png"],
    ["a name of nothing shown is called document", "\u200B", "pdf", "document.pdf"],
  ] as const)("%s", (_, name, type, shown) => {
    // Act
    const result = shownFileName(name, type);

    // Assess
    expect(result).toBe(shown);
  });

  it("a very long name is cut, keeping the extension", () => {
    // Act
    const result = shownFileName(`${"é".repeat(300)}.pdf`, "pdf");

    // Assess
    expect(result).toBe(`${"é".repeat(120)}.pdf`);
  });

  it("the download saves the file under its name, quotes and parentheses encoded", () => {
    // Act
    const disposition = attachmentDisposition("L'été (2020).pdf");

    // Assess
    expect(disposition).toBe("attachment; filename*=UTF-8''L%27%C3%A9t%C3%A9%20%282020%29.pdf");
  });
});
