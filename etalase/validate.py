"""validate: schema per document, then rules across documents. Reports every problem at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from etalase import rules, schemacheck
from etalase.categories import Taxonomy
from etalase.config import SiteConfig
from etalase.diagnostics import ERROR, Diagnostic
from etalase.discover import EVENT, IKM, PAGE, PRODUCT, PROGRAMME, SourceFile
from etalase.i18n import t
from etalase.images import Inspector
from etalase.load import Document
from etalase.regions import RegionTable


@dataclass
class Checked:
    """Documents that passed every check, grouped by kind, plus all diagnostics."""

    ikm: dict[str, Document] = field(default_factory=dict)  # folder slug -> ikm.yaml
    products: list[Document] = field(default_factory=list)
    programmes: dict[str, Document] = field(default_factory=dict)
    pages: list[Document] = field(default_factory=list)
    events: list[Document] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[SourceFile] = field(default_factory=list)
    regions: RegionTable | None = None
    taxonomy: Taxonomy | None = None
    photos: Inspector | None = None

    def release_positions(self) -> None:
        """Drop line/column tables once every check has run: the model needs only the data
        (at 10k products the tables are a third of the build's memory)."""
        for doc in (*self.ikm.values(), *self.products, *self.programmes.values(), *self.pages, *self.events):
            doc.marks, doc.key_marks, doc.raw, doc.lazy = {}, {}, {}, False

    def release_documents(self) -> None:
        """Drop the documents once the model is built from them: the model holds what the
        pages need (at 10k products the decoded entries are 50 MiB that every render worker
        would otherwise inherit)."""
        self.ikm, self.products, self.programmes, self.pages, self.events = {}, [], {}, [], []

    @property
    def ok(self) -> bool:
        return not any(d.severity == ERROR for d in self.diagnostics)


def validate(
    files: list[SourceFile],
    docs: list[Document],
    load_diags: list[Diagnostic],
    cfg: SiteConfig,
    regions: RegionTable,
    taxonomy: Taxonomy,
    photos: Inspector,
) -> Checked:
    out = Checked(diagnostics=list(load_diags), files=files, regions=regions, taxonomy=taxonomy, photos=photos)
    diags = out.diagnostics
    # 1. JSON Schema, document by document
    valid: list[Document] = []
    for doc in docs:
        found = [] if doc.schema_ok else schemacheck.check(doc, doc.kind, cfg.schema_dir)
        diags.extend(found)
        if not found:
            doc.schema_ok = True
            valid.append(doc)
    # 2. rules across documents
    checker = rules.Checker(diags)
    cross = rules.CrossRules(regions, taxonomy, cfg.today, cfg.content_dir, photos)
    programme_slugs = {f.slug for f in files if f.kind == PROGRAMME}
    ikm_files = {f.folder for f in files if f.kind == IKM}
    nib_seen: dict[str, Document] = {}
    used: dict[str, set[str]] = {}  # IKM folder -> files referenced by its entries
    for doc in valid:
        if doc.kind == IKM:
            nib = doc.data["nib"]
            if nib in nib_seen:
                checker.at(doc, ("nib",), t("msg.duplicate_nib", nib=nib, other=nib_seen[nib].source.display))
            else:
                nib_seen[nib] = doc
            cross.ikm(checker, doc, programme_slugs)
            out.ikm[doc.source.folder] = doc
            if isinstance(doc.data.get("logo"), str):
                used.setdefault(doc.source.folder, set()).add(doc.data["logo"])
        elif doc.kind == PROGRAMME:
            cross.programme(checker, doc)
            out.programmes[doc.source.slug] = doc
        elif doc.kind == PAGE:
            out.pages.append(doc)
        elif doc.kind == EVENT:
            cross.event(checker, doc, ikm_files)
            out.events.append(doc)
    product_slugs: dict[tuple[str, str], SourceFile] = {}
    missing_ikm_reported: set[str] = set()
    for f in files:
        if f.kind != PRODUCT or not rules.loadable(f):
            continue
        key = (f.folder, f.slug)
        if key in product_slugs:
            diags.append(
                Diagnostic(f.display, 0, 0, t("msg.duplicate_product", slug=f.slug, other=product_slugs[key].display))
            )
        else:
            product_slugs[key] = f
        if f.folder not in ikm_files and f.folder not in missing_ikm_reported:
            missing_ikm_reported.add(f.folder)
            diags.append(Diagnostic(f.display.rsplit("/", 1)[0] + "/", 0, 0, t("msg.missing_ikm", folder=f.folder)))
    for doc in valid:
        if doc.kind == PRODUCT:
            ikm = out.ikm.get(doc.source.folder)
            used.setdefault(doc.source.folder, set()).update(cross.product(checker, doc, ikm))
            out.products.append(doc)
    # photos of folders whose products all loaded; a broken product would give false warnings
    broken_folders = {d.path.split("/")[-2] for d in diags if d.severity == ERROR and d.path.count("/") >= 2}
    rules.check_images_used(files, {k: v for k, v in used.items() if k not in broken_folders}, diags)
    return out
