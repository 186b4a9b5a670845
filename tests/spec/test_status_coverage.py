"""Every status code a corpus page documents is a response of the page's operation.

The documented codes come from ``status_truth`` (an independent lxml reader). Pages that
have no operation in the spec are left to ``test_corpus_coverage``.
"""

from __future__ import annotations

import pytest

from tests.helpers.inputs import corpus_dir
from tests.helpers.status_truth import folder_status_codes, page_status_codes, spec_response_codes
from tests.scraper.test_goldens import CORPUS_FOLDERS, scraped_spec

FOLDERS = sorted(CORPUS_FOLDERS.values())

# Read by hand in the HTML (the lister is checked before it is trusted):
# page -> the codes its status sections, status-code tables and "Status code:" lines give.
HAND_READ = {
    "portal/as/api-ref/apis/lifecycle_hooks/deleting_a_lifecycle_hook.html": (
        "204 400 401 403 404 405 406 407 408 409 500 501 502 503 504"
    ),
    "portal/kms/api-ref/apis/key_management_service/cmk_management/querying_a_public_key.html": (
        "200 400 401 403 404 500 502 504"
    ),
    # 200 of its own; "For details about other returned values, see Status Codes." (200-204,
    # 400-409, 500-504) and "See Error Codes." (400, 403)
    "portal/bms/api-ref/bms_apis/bms_nic_management/binding_nics_to_a_bms.html": (
        "200 400 401 403 404 405 406 407 408 409 500 501 502 503 504"
    ),
    # none of its own; "See Returned Value." (Abnormal 400-404, 500-504) and "See Error
    # Codes." (an error-code table: 400, 403, 404, 500 and one 200 row)
    "portal/smn/api-ref/apis/topic_operations/deleting_a_topic.html": (
        "400 401 403 404 500 501 502 503 504"
    ),
    "doc-exports/elb/api-ref/elb_jd_fz_0001.html": "200 400 401 403 404 500 503",
    # none of its own; "See Returned Values for General Requests." (Abnormal: 300, 400-409,
    # 500-504: its error codes)
    "doc-exports/ecs/api-ref/en-us_topic_0020212648.html": (
        "400 401 403 404 405 406 407 408 409 500 501 502 503 504"
    ),
    # 201 of its own; "See Error Codes.": an error-code table whose status cells span rows
    "doc-exports/elb/api-ref/CreatePool.html": "201 400 401 403 404 409 500",
}


@pytest.mark.parametrize("page", sorted(HAND_READ))
def test_lister_reads_the_hand_read_codes(page: str) -> None:
    folder, _, inside = page.partition("/api-ref/")
    assert page_status_codes(corpus_dir(folder + "/api-ref") / inside) == HAND_READ[page].split()


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_documented_status_code_is_a_response(folder: str) -> None:
    documented = folder_status_codes(corpus_dir(folder))
    answered = spec_response_codes(scraped_spec(folder))
    missing = [
        f"{page}: {code}"
        for page, codes in sorted(documented.items())
        if page in answered
        for code in codes
        if code not in answered[page]
    ]
    assert not missing, "documented status codes without a response:\n" + "\n".join(missing)
