"""The naming rules of operationIds, on routes written here (method, path, page title)."""

from __future__ import annotations

import pytest

from doc2openapi.spec.name_words import MAX_LENGTH, destutter, title_verbs
from doc2openapi.spec.operation_names import (
    Route,
    name_operations,
    operation_words,
    render,
    version_suffix,
)


def name(method: str, path: str, title: str = "") -> str:
    return render(operation_words(Route(method, path, (title,) if title else ())))


@pytest.mark.parametrize(
    ("method", "path", "title", "expected"),
    [
        # collection and item, the method's verb
        ("GET", "/v2/{project_id}/volumes", "Querying EVS Disks", "ListVolumes"),
        ("GET", "/v2/{project_id}/volumes/{volume_id}", "Querying Details", "ShowVolume"),
        ("POST", "/v2/{project_id}/volumes", "Creating EVS Disks", "CreateVolume"),
        ("PUT", "/v2/{project_id}/volumes/{volume_id}", "Updating an EVS Disk", "UpdateVolume"),
        ("PATCH", "/v3/groups/{group_id}", "Updating a User Group", "UpdateGroup"),
        ("DELETE", "/v2/{project_id}/volumes/{volume_id}", "Deleting a Disk", "DeleteVolume"),
        ("HEAD", "/v3/groups/{group_id}/users/{user_id}", "Querying Whether", "CheckGroupUser"),
        # a resource under an item is named after it; a collection-wide one after the whole
        ("GET", "/v2/{project_id}/instances/{instance_id}/backups", "", "ListInstanceBackups"),
        ("GET", "/v1/{project_id}/servers/tags", "Querying Project Tags", "ListServersTags"),
        ("GET", "/v1/{project_id}/servers/{server_id}/tags", "Querying Tags", "ListServerTags"),
        # "Batch" in the title, a DELETE of the whole collection
        (
            "DELETE",
            "/v2/{project_id}/instances",
            "Batch Deleting DCS Instances",
            "BatchDeleteInstances",
        ),
        ("POST", "/v2/{project_id}/tags", "Batch Creating Tags", "BatchCreateTags"),
        # a verb as the last segment acts on what comes before it
        ("POST", "/v2/{project_id}/instances/{instance_id}/extend", "Scaling Up", "ExtendInstance"),
        ("POST", "/v2/{p}/migration-task/batch-stop", "Stopping Tasks", "BatchStopMigrationTask"),
        (
            "POST",
            "/v2/{p}/instances/{i}/password/reset",
            "Resetting a Password",
            "ResetInstancePassword",
        ),
        ("POST", "/v1/{p}/cloudservers/delete", "Deleting ECSs", "DeleteCloudservers"),
        # a verb-object segment: a verb where the title says it, or a verb of its meaning
        ("POST", "/v1.0/{project_id}/kms/list-grants", "Querying Grants", "ListKmsGrants"),
        (
            "POST",
            "/v1.0/{project_id}/kms/update-key-alias",
            "Changing an Alias",
            "UpdateKmsKeyAlias",
        ),
        ("POST", "/v1.0/{project_id}/kms/decrypt-data", "Decrypting Data", "DecryptKmsData"),
        (
            "PUT",
            "/v3.0/OS-USER/users/{u}/login-protect",
            "Modifying Protection",
            "UpdateUserLoginProtect",
        ),
        (
            "POST",
            "/v2/{p}/instances/{i}/scan-keys-task",
            "Creating a Scan Task",
            "CreateInstanceScanKeysTask",
        ),
        ("GET", "/v2/{p}/fgs/functions/{urn}/export", "Exporting a Function", "ExportFunction"),
        # a noun that could be a verb is a noun unless the title says the verb
        ("POST", "/v2.1/{p}/servers/{s}/os-interface", "Adding a NIC", "CreateServerInterface"),
        # an /action endpoint takes the title's verb, or is a generic action of several
        ("POST", "/v2/{p}/volumes/{v}/action", "Expanding Capacity of an EVS Disk", "ExpandVolume"),
        (
            "POST",
            "/v2/{project_id}/dcs/{instance_id}/tags/action",
            "Batch Adding or Deleting Tags",
            "BatchAddOrDeleteDcsInstanceTags",
        ),
        # a PUT that adds a member, a GET that downloads: the title's verb
        (
            "PUT",
            "/v3/groups/{group_id}/users/{user_id}",
            "Adding a User to a User Group",
            "AddGroupUser",
        ),
        ("PUT", "/v3/OS-FEDERATION/mappings/{id}", "Creating a Mapping", "CreateMapping"),
        ("PUT", "/v3.0/OS-AGENCY/agencies/{agency_id}", "Modifying an Agency", "UpdateAgency"),
        ("GET", "/v2/charts/{chart_id}/archive", "Downloading a Chart", "DownloadChartArchive"),
        # a member of a collection with no plural name is named by its parameter too
        (
            "GET",
            "/v2/{p}/volumes/{v}/metadata/{key}",
            "Querying One Piece",
            "ShowVolumeMetadataKey",
        ),
        (
            "GET",
            "/v2/{project_id}/diagnosis/{report_id}",
            "Querying a Report",
            "ShowDiagnosisReport",
        ),
        # a singular collection that the title lists
        ("GET", "/v3/{p}/os-volume-transfer", "Querying All Disk Transfers", "ListVolumeTransfers"),
        (
            "GET",
            "/v2/{project_id}/instance/{instance_id}/whitelist",
            "Querying the IP Whitelist",
            "ShowInstanceWhitelist",
        ),
        # list details
        ("GET", "/v2/{project_id}/snapshots/detail", "", "ListSnapshotsDetails"),
        # prefixes before the version, OpenStack namespaces and os- prefixes are no resources
        (
            "GET",
            "/api/v3/projects/{project_id}/clusters",
            "Listing Clusters",
            "ListProjectClusters",
        ),
        (
            "GET",
            "/v3.0/OS-CREDENTIAL/credentials",
            "Listing Permanent Access Keys",
            "ListCredentials",
        ),
        ("GET", "/v3/{project_id}/os-quota-sets/{target_project_id}", "", "ShowQuotaSet"),
        # paths of sub-resources (S3 style) and of parameters only
        ("GET", "/{ObjectName}#acl", "Obtaining Object ACL Configuration", "ShowObjectAcl"),
        ("GET", "/#lifecycle", "Obtaining Bucket Lifecycle Configuration", "ShowLifecycle"),
        ("POST", "/{ObjectName}#uploadId", "Completing a Multipart Upload", "CompleteObjectUpload"),
        ("GET", "/{ObjectName}", "Downloading an Object", "DownloadObject"),
        ("GET", "/{api_version}", "Querying Information of an API Version", "ShowApiVersion"),
        # the root path: the title names the object
        ("GET", "/", "Querying the List of API Versions", "ListApiVersions"),
        ("GET", "/", "Listing Buckets", "ListBuckets"),
        # what qualifies the page ("(Native OpenStack API)") names nothing
        ("GET", "/", "Querying API Versions (Native OpenStack API)", "ListApiVersions"),
    ],
)
def test_names_follow_method_and_path(method: str, path: str, title: str, expected: str) -> None:
    assert name(method, path, title) == expected


def test_the_title_wording_does_not_change_the_name() -> None:
    """The export and the portal word one page's title differently at times: the name
    comes from the method and path."""
    path = "/v2/{project_id}/migration-task"
    assert name("POST", path, "Creating a Backup Import Task") == "CreateMigrationTask"
    assert name("POST", path, "Create Migration Task") == "CreateMigrationTask"
    assert name("GET", "/v3/widgets", "Listing Widgets") == name(
        "GET", "/v3/widgets", "List Widgets"
    )


def test_title_verbs() -> None:
    assert title_verbs("Restarting DCS Instances or Clearing DCS Instance Data") == (
        False,
        [("restart",), ("clear",)],
    )
    assert title_verbs("Batch Adding Tags") == (True, [("add",)])
    assert title_verbs("Backing Up a DCS Instance") == (False, [("back", "up")])
    assert title_verbs("Master/Standby Switchover") == (False, [])


def test_version_suffix() -> None:
    assert version_suffix("/v1.0/{project_id}/instances") == "V1"
    assert version_suffix("/v2.1/{project_id}/servers") == "V2_1"
    assert version_suffix("/v3-ext/projects/{project_id}") == "V3Ext"
    assert version_suffix("/api/v3/addons") == "V3"
    assert version_suffix("/{ObjectName}") == ""


def test_no_stutter_and_no_long_names() -> None:
    assert destutter(["node", "pool", "Pool", "spec"]) == ["node", "pool", "spec"]
    assert destutter(["show", "Node", "Pool", "Node", "Pool"]) == ["show", "Node", "Pool"]
    long = name("GET", "/v3/" + "/".join(f"segment-number-{n}/{{p{n}}}" for n in range(12)))
    assert len(long) <= MAX_LENGTH
    assert long.startswith("Show")
    assert name("GET", "/v3/clusters/{cluster_id}/cluster-config") == "ShowClusterConfig"


def test_collisions_are_told_apart_by_version_and_reported() -> None:
    routes = [
        Route("GET", "/v1.0/{project_id}/instances", ("Querying All DCS Instances",)),
        Route("GET", "/v2/{project_id}/instances", ("Querying All DCS Instances",)),
        Route("GET", "/v2/{project_id}/flavors", ("Querying Flavors",)),
    ]
    named = name_operations(routes)
    assert [named.names[r] for r in routes] == ["ListInstancesV1", "ListInstancesV2", "ListFlavors"]
    assert len(named.notes) == 2
    assert all("ListInstances" in detail for _, detail in named.notes)


def test_collisions_in_one_version_are_told_apart_by_the_path() -> None:
    routes = [
        Route("GET", "/v3.0/OS-AGENCY/domains/{d}/agencies/{a}/roles"),
        Route("GET", "/v3.0/OS-AGENCY/projects/{p}/agencies/{a}/roles"),
        Route("GET", "/v3/projects", ("Querying Projects",)),
        Route("GET", "/v3/OS-FEDERATION/projects", ("Querying Projects",)),
    ]
    names = name_operations(routes).names
    assert [names[r] for r in routes] == [
        "ListDomainAgencyRoles",
        "ListProjectAgencyRoles",
        "ListProjects",
        "ListFederationProjects",
    ]


def test_only_the_routes_that_still_collide_go_further() -> None:
    """Three versions of one list, two of them in one version (v1 servers and v1
    cloudservers name different collections; two v1 pages of one path are merged before)."""
    routes = [
        Route("GET", "/v1/{p}/servers/{s}/tags"),
        Route("GET", "/v2.1/{p}/servers/{s}/tags"),
        Route("GET", "/v1/{p}/nova/servers/{s}/tags"),
    ]
    names = name_operations(routes).names
    assert names[routes[1]] == "ListServerTagsV2_1"
    assert names[routes[0]] != names[routes[2]]
    assert all(n.endswith("V1") for n in (names[routes[0]], names[routes[2]]))


def test_names_differing_only_in_case_collide() -> None:
    """Generators turn ``ListVMs`` and ``ListVms`` into one method name."""
    routes = [Route("GET", "/v1/vms"), Route("GET", "/v2/VMs")]
    names = name_operations(routes).names
    assert names[routes[0]].lower() != names[routes[1]].lower()


def test_a_query_name_given_a_number_selects_a_version_not_a_resource() -> None:
    """OBS "Listing Objects in a Bucket (V2)" writes ``GET /?list-type=2``: the v2 of
    the listing ``GET /`` (``ListObjects``), not a list of "types"."""
    routes = [
        Route("GET", "/", ("Listing Objects in a Bucket",)),
        Route("GET", "/#list-type", ("Listing Objects in a Bucket (V2)",), ("list-type=2",)),
        Route("GET", "/#acl", ("Obtaining a Bucket ACL",)),
    ]
    names = name_operations(routes).names
    assert [names[r] for r in routes] == ["ListObjects", "ListObjectsV2", "ShowAcl"]
