"""Each product kind is one definition: the files a build writes are the files its kinds
name, each checked with the profile its kind gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.project import Project
from generator.impose.maker import INPUTS
from generator.impose.products import plan
from generator.model.product_kinds import KINDS, REPRINT, Input, Kind, ProductFile, Profile
from generator.preflight.rules import profile_for
from generator.validate.content import collect
from tests.projects import CARDS, LAYOUTS

NOT_OF_A_PRODUCT = ("manifest", "changes", "naar-de-drukker/", ".voorwie")  # the build's own


def test_the_files_a_build_writes_are_those_its_products_kinds_name(
    built: dict[str, Path], tmp_path: Path
) -> None:
    products = plan(collect(Project(cards=CARDS, layouts=LAYOUTS, output=tmp_path))).products
    named = {name for product in products for name in product.file_names().values()}
    written = {name for name in built if not name.startswith(NOT_OF_A_PRODUCT)}
    assert named == written
    assert {product.kind for product in products} == set(KINDS)  # every kind is shipped


def test_each_file_is_checked_with_its_kinds_profile() -> None:
    files = [(file, "proef") for kind in KINDS.values() for file in kind.files]
    for file, product_id in [*files, (REPRINT, "proef")]:
        if file.profile is not Profile.NONE:
            assert profile_for(file.name(product_id, "A3")) == file.profile, file.pattern


@pytest.mark.parametrize("kind", list(Kind))
def test_the_print_shop_gets_files_the_kind_makes(kind: Kind) -> None:
    definition = KINDS[kind]
    roles = {file.role for file in definition.files}
    assert set(definition.to_print_shop) <= roles
    print_files = {f.role for f in definition.files if f.profile is Profile.PRINT}
    assert set(definition.to_print_shop) == print_files  # no print file left behind


def test_a_file_the_print_shop_gets_that_its_kind_does_not_make_is_found() -> None:
    """The check above can fail: a kind that sends a role it has no file for."""
    broken = KINDS[Kind.DECK].__class__(
        Kind.DECK, "broken", "deck", lambda deck: True, screen=False,
        files=(ProductFile("sheets", "{id}_a4-duplex.pdf", Profile.OFFICE),),
        reads=(Input.LAYOUT,), to_print_shop=("print",),
    )  # fmt: skip
    with pytest.raises(KeyError):
        broken.print_shop_names("proef")
    assert not set(broken.to_print_shop) <= {file.role for file in broken.files}


def test_every_input_a_kind_reads_has_a_reader_and_every_reader_is_read() -> None:
    read = {source for kind in KINDS.values() for source in kind.reads}
    assert set(INPUTS) == read == set(Input)
    assert all(Input.LAYOUT in kind.reads for kind in KINDS.values())  # layouts are edited too
    # What each reads is tested by its effect in tests/test_watch.py: an edited question
    # makes its deck and the digital PDFs again, not the posters; a layout edit makes all.
