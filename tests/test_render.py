"""The template environment: constant ``t(...)`` calls are folded into the compiled templates."""

from __future__ import annotations

import pytest

from etalase import render
from etalase.config import load_config
from etalase.i18n import strings
from etalase.modelbuild import build_site
from etalase.pipeline import check_content
from tests.conftest import write_project
from tests.test_content_errors import base_files


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory):
    project = write_project(tmp_path_factory.mktemp("render") / "p", base_files())
    cfg = load_config(project / "site_config.yaml")
    checked = check_content(cfg).checked
    return render.make_env(cfg.templates_dir, build_site(checked, cfg, checked.taxonomy, checked.regions))


def test_constant_strings_are_looked_up_when_the_template_is_compiled(env) -> None:
    source = '{{ t("ui.site_short") }}|{{ t("ui.count_products", n=3) }}|{{ t("ui.count_products", n=k) }}'
    code = env.compile(source, raw=True)
    assert code.count("context.call(") == 1  # only the call with a variable argument is left
    t = strings("id")
    expected = f"{t('ui.site_short')}|{t('ui.count_products', n=3)}|{t('ui.count_products', n=5)}"
    assert env.from_string(source).render(k=5) == expected


def test_folded_strings_are_escaped_like_any_other_output(env) -> None:
    env.strings_table._table["test.markup"] = "<b>&</b>"
    try:
        assert env.from_string('{{ t("test.markup") }}').render() == "&lt;b&gt;&amp;&lt;/b&gt;"
    finally:
        del env.strings_table._table["test.markup"]


def test_a_template_that_binds_t_itself_is_not_folded(env) -> None:
    source = '{% for t in [x] %}{{ t("ui.site_short") }}{% endfor %}'
    assert "context.call(" in env.compile(source, raw=True)
    assert env.from_string(source).render(x=lambda key: key.upper()) == "UI.SITE_SHORT"


def test_a_missing_string_still_fails_when_rendered_not_when_compiled(env) -> None:
    template = env.from_string('{% if show %}{{ t("ui.tidak_ada") }}{% endif %}')
    assert template.render(show=False) == ""
    with pytest.raises(KeyError, match=r"ui\.tidak_ada"):
        template.render(show=True)


def _pages(n: int) -> list:
    from etalase.plan import PlannedPage

    return [PlannedPage(f"produk/p{i}/", "halaman.html", {"i": i}) for i in range(n)]


def _env(source: str):
    import jinja2

    return jinja2.Environment(loader=jinja2.DictLoader({"halaman.html": source}), undefined=jinja2.StrictUndefined)


def test_forked_renderers_give_a_serial_builds_pages_in_the_order_asked() -> None:
    """The workers are forked before ``search_version`` exists; it reaches them with the pages."""
    env = _env("{{ i }}:{{ search_version }}:{{ 'x' * (i % 7) }}")
    pages = _pages(5 * render.CHUNK + 3)  # enough for two workers, with a short last chunk
    renderers = render.Renderers(env, pages, jobs=2)
    try:
        assert len(renderers.workers) == 2
        wanted = [i for i in range(len(pages)) if i % 5]  # kept pages are not asked for
        html = list(renderers.render(wanted, {"search_version": "v1"}))
        assert html == [f"{i}:v1:{'x' * (i % 7)}" for i in wanted]
        assert list(renderers.render(wanted[:3], {"search_version": "v2"})) == [
            f"{i}:v2:" + "x" * (i % 7) for i in wanted[:3]
        ]
    finally:
        renderers.close()
    assert renderers.workers == []


def test_a_page_that_fails_in_a_worker_fails_the_build_as_it_would_serially() -> None:
    env = _env("{% if i == 300 %}{{ tidak_ada }}{% endif %}{{ i }}")
    pages = _pages(6 * render.CHUNK)
    renderers = render.Renderers(env, pages, jobs=2)
    processes = [proc for proc, _ in renderers.workers]
    try:
        with pytest.raises(Exception) as parallel:
            list(renderers.render(list(range(len(pages))), {}))
    finally:
        renderers.close()
    assert not any(proc.is_alive() for proc in processes)
    with pytest.raises(Exception) as serial:
        list(render.render_pages(env, pages))
    assert (type(parallel.value), str(parallel.value)) == (type(serial.value), str(serial.value))
    assert "tidak_ada" in str(serial.value)


def test_a_page_past_the_spill_size_is_written_to_a_file_by_whoever_renders_it(tmp_path, monkeypatch) -> None:
    from etalase import files, write

    monkeypatch.setattr(render, "SPILL", 50)
    env = _env("{{ i }}{% for n in range(i % 3 * 40) %}<p>{{ n }}</p>{% endfor %}")
    pages = _pages(5 * render.CHUNK)
    serial = [html for _, html in render.render_pages(env, pages)]
    for jobs in (1, 2):  # in this process, and in the workers
        scratch = tmp_path / f"scratch-{jobs}"
        renderers = render.Renderers(env, pages, jobs, scratch)
        try:
            assert len(renderers.workers) == (jobs if jobs > 1 else 0)
            out = list(renderers.render(list(range(len(pages))), {}))
            assert [o.path.read_text(encoding="utf-8") if isinstance(o, write.Made) else o for o in out] == serial
            spilled = [o for o in out if isinstance(o, write.Made)]
            assert len(spilled) == sum(len(html) >= 50 for html in serial) > 0
            assert all(o.key == files.hash_bytes(o.path.read_bytes()) for o in spilled)
        finally:
            renderers.close()
        assert not scratch.exists()  # what the writer did not take goes with the workers


def test_an_error_that_cannot_be_pickled_still_fails_the_build_with_its_text() -> None:
    class Local(Exception):  # a class defined in a function cannot be pickled
        pass

    def fail(i):
        if i == 200:
            raise Local(f"halaman {i} rusak")
        return i

    env = _env("{{ fail(i) }}")
    env.globals["fail"] = fail
    pages = _pages(6 * render.CHUNK)
    renderers = render.Renderers(env, pages, jobs=2)
    try:
        with pytest.raises(RuntimeError, match=r"^Local: halaman 200 rusak$"):
            list(renderers.render(list(range(len(pages))), {}))
    finally:
        renderers.close()
