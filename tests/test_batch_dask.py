"""--engine dask: the same per-document code on a Dask cluster gives the same tables as
the local run, row for row (a LocalCluster of two workers stands in for a real one)."""
from __future__ import annotations

import distributed  # in the test extra: this test runs in CI
import pytest
from batch_articles import outputs, write_articles

from pipeline.cli import main


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "in"
    write_articles(articles, 10)
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary")
    return articles


@pytest.mark.parametrize("name", ["claims.csv", "claims.parquet"])
def test_a_dask_cluster_gives_the_local_tables_row_for_row(folder, tmp_path, scheduler, name):
    assert main(["extract", str(folder), "-o", str(tmp_path / "local" / name), "-q", "-j", "2"]) == 0
    assert main(["extract", str(folder), "-o", str(tmp_path / "dask" / name), "-q",
                 "--engine", "dask", "--scheduler", scheduler]) == 0
    assert outputs(tmp_path / "dask", name) == outputs(tmp_path / "local", name)
