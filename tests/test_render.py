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
