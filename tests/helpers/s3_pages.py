"""Small S3-style pages written for the tests: operations given as HTTP messages."""

from __future__ import annotations

PUT_ACL = """<h1>Setting an Object ACL</h1>
<h2>Request Syntax</h2>
<pre>PUT /ObjectKey?acl HTTP/1.1
Host: bucketname.store.region.example.com
Content-Type: application/xml

&lt;AccessControlPolicy&gt;
    &lt;Owner&gt;&lt;ID&gt;ID&lt;/ID&gt;&lt;/Owner&gt;
    &lt;AccessControlList&gt;
        &lt;Grant&gt;
            &lt;Grantee&gt;&lt;ID&gt;id&lt;/ID&gt;&lt;/Grantee&gt;
            &lt;Permission&gt;permission&lt;/Permission&gt;
        &lt;/Grant&gt;
        &lt;Grant&gt;
            &lt;Grantee&gt;&lt;ID&gt;id&lt;/ID&gt;&lt;/Grantee&gt;
            &lt;Permission&gt;permission&lt;/Permission&gt;
        &lt;/Grant&gt;
    &lt;/AccessControlList&gt;
&lt;/AccessControlPolicy&gt;</pre>
<h2>Request Headers</h2>
<table><caption>Table 1 Request headers</caption>
<thead><tr><th>Header</th><th>Type</th><th>Mandatory (Yes/No)</th><th>Description</th></tr></thead>
<tbody><tr><td>x-store-acl</td><td>String</td><td>No</td><td>Canned ACL.</td></tr></tbody></table>
<h2>Request Elements</h2>
<table><caption>Table 2 Request elements</caption>
<thead><tr><th>Element</th><th>Type</th><th>Mandatory (Yes/No)</th><th>Description</th></tr></thead>
<tbody>
<tr><td>Owner</td><td>XML</td><td>Yes</td><td>Owner of the object.</td></tr>
<tr><td>ID</td><td>String</td><td>Yes</td><td>Account ID of the owner.</td></tr>
<tr><td>AccessControlList</td><td>XML</td><td>Yes</td><td>The grants.</td></tr>
<tr><td>Grant</td><td>XML</td><td>No</td><td>One grant.</td></tr>
<tr><td>Grantee</td><td>XML</td><td>No</td><td>Who is granted.</td></tr>
<tr><td>ID</td><td>String</td><td>No</td><td>Account ID of the grantee.</td></tr>
<tr><td>Permission</td><td>String</td><td>Yes</td><td>READ or WRITE.</td></tr>
<tr><td>Expires</td><td>Integer</td><td>No</td><td>Not in the XML above.</td></tr>
</tbody></table>
<h2>Response Syntax</h2>
<pre>HTTP/1.1 status_code
Date: date</pre>
<h2>Error Responses</h2>
<p>If the object does not exist, the service returns 404 Not Found.</p>
<h2>Sample Request</h2>
<pre>PUT /photo.jpg?acl HTTP/1.1
Host: examplebucket.store.region.example.com</pre>
<h2>Sample Response</h2>
<pre>HTTP/1.1 200 OK
Date: WED, 01 Jul 2015 02:37:22 GMT</pre>
"""

GET_OBJECT = """<h1>Getting an Object</h1>
<h2>Request Syntax</h2>
<pre>GET /ObjectKey HTTP/1.1
Host: bucketname.store.region.example.com</pre>
<h2>Request Parameters</h2>
<table><caption>Table 1 Request parameters</caption>
<thead><tr><th>Parameter</th><th>Type</th><th>Mandatory (Yes/No)</th><th>Description</th></tr>
</thead><tbody><tr><td>versionId</td><td>String</td><td>No</td><td>Version to get.</td></tr></tbody>
</table>
<h2>Response Syntax</h2>
<pre>HTTP/1.1 status_code
Content-Type: type

&lt;Object Content&gt;</pre>
<h2>Sample Response</h2>
<pre>HTTP/1.1 200 OK</pre>
"""

LIST_PARTS = """<h1>Listing Parts</h1>
<h2>Request Syntax</h2>
<pre>GET /ObjectKey?uploadId=uploadid&amp;max-parts=max HTTP/1.1
Host: bucketname.store.region.example.com</pre>
<h2>Request Parameters</h2>
<table><caption>Table 1 Request parameters</caption>
<thead><tr><th>Parameter</th><th>Description</th><th>Mandatory</th></tr></thead>
<tbody><tr><td>uploadId</td><td>Upload ID. Type: string</td><td>Yes</td></tr>
<tr><td>max-parts</td><td>Most parts listed. Type: integer</td><td>No</td></tr></tbody></table>
<h2>Response Syntax</h2>
<pre>HTTP/1.1 status_code

&lt;?xml version="1.0" encoding="UTF-8"?&gt;
&lt;ListPartsResult xmlns="http://store.example.com/doc/"&gt;
    &lt;UploadId&gt;id&lt;/UploadId&gt;
    &lt;Part&gt;&lt;PartNumber&gt;1&lt;/PartNumber&gt;&lt;/Part&gt;
&lt;/ListPartsResult&gt;</pre>
<h2>Response Headers</h2>
<table><caption>Table 3 Additional response headers</caption>
<thead><tr><th>Header</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td>x-store-request-payer</td><td>String</td><td>Who pays.</td></tr></tbody></table>
<h2>Response Elements</h2>
<table><caption>Table 2 Response elements</caption>
<thead><tr><th>Element</th><th>Description</th></tr></thead>
<tbody><tr><td>UploadId</td><td><p>ID of the upload</p><p>Type: string</p></td></tr>
<tr><td>Part</td><td><p>One part</p><p>Type: container</p></td></tr>
<tr><td>PartNumber</td><td><p>Number of the part</p><p>Type: integer</p></td></tr>
<tr><td>Size</td><td><p>Size of the part</p><p>Type: integer</p></td></tr></tbody></table>
<h2>Sample Response</h2>
<pre>HTTP/1.1 200 OK

&lt;ListPartsResult&gt;&lt;UploadId&gt;x&lt;/UploadId&gt;&lt;Part&gt;&lt;PartNumber&gt;1&lt;/PartNumber&gt;
&lt;Size&gt;5&lt;/Size&gt;&lt;/Part&gt;&lt;Part&gt;&lt;PartNumber&gt;2&lt;/PartNumber&gt;&lt;/Part&gt;
&lt;/ListPartsResult&gt;</pre>
"""

LIST_BUCKETS = """<h1>Listing Buckets</h1>
<h2>Request Syntax</h2>
<pre>GET / HTTP/1.1
Host: store.region.example.com</pre>
<h2>Response Syntax</h2>
<pre>HTTP/1.1 status_code</pre>
"""

LIST_OBJECTS = """<h1>Listing Objects</h1>
<h2>Request Syntax</h2>
<pre>GET / HTTP/1.1
Host: bucketname.store.region.example.com</pre>
<h2>Response Syntax</h2>
<pre>HTTP/1.1 status_code

&lt;ListBucketResult&gt;
    &lt;Name&gt;bucket&lt;/Name&gt;
    &lt;Contents&gt;&lt;Key&gt;key&lt;/Key&gt;&lt;/Contents&gt;
&lt;/ListBucketResult&gt;</pre>
<h2>Response Elements</h2>
<table><caption>Table 1 Response elements</caption>
<thead><tr><th>Element</th><th>Description</th></tr></thead>
<tbody><tr><td>ListBucketResult</td><td><p>The listing.</p>
<p>Type: container</p></td></tr>
<tr><td>Name</td><td><p>Bucket name.</p>
<p>Type: string</p><p>Parent: ListBucketResult</p></td></tr>
<tr><td>Contents</td><td><p>One object.</p>
<p>Type: container</p><p>Parent: ListBucketResult</p></td></tr>
<tr><td>Key</td><td><p>Object name.</p>
<p>Type: string</p><p>Parent: ListBucketResult.Contents</p></td></tr>
<tr><td>Owner</td><td><p>The owner.</p>
<p>Type: container</p><p>Parent: Contents</p></td></tr>
<tr><td>ID</td><td><p>Owner ID.</p>
<p>Type: string</p><p>Parent: Contents.Owner</p></td></tr>
<tr><td>NextMarker</td><td><p>Where to go on.</p>
<p>Type: string</p><p>Parent: ListBucketResult</p></td></tr>
<tr><td>CommonPrefixes</td><td><p>A group.</p>
<p>Type: container</p><p>Parent: ListBucketResult</p></td></tr>
<tr><td>CommonPrefixes. Prefix</td><td><p>The group's prefix.</p>
<p>Type: string</p></td></tr>
<tr><td>StartAfter</td><td><p>Not placed anywhere.</p>
<p>Type: string</p></td></tr>
</tbody></table>
<table><caption>Table 2 Elements in the response message for listing versioned objects</caption>
<thead><tr><th>Element</th><th>Description</th></tr></thead>
<tbody><tr><td>ListVersionsResult</td><td><p>The versions.</p>
<p>Type: container</p><p>Parent: none</p></td></tr>
<tr><td>Version</td><td><p>One version.</p>
<p>Type: container</p><p>Parent: ListVersionsResult</p></td></tr>
<tr><td>Key</td><td><p>Object name.</p>
<p>Type: string</p><p>Parent: ListVersionsResult.Version</p></td></tr>
<tr><td>IsLatest</td><td><p>Latest or not.</p>
<p>Type: boolean</p><p>Parent: ListVersionsResult.Version</p></td></tr>
</tbody></table>
<h2>Sample Response: Listing Object Versions</h2>
<pre>HTTP/1.1 200 OK

&lt;ListVersionsResult&gt;&lt;Version&gt;&lt;Key&gt;a&lt;/Key&gt;&lt;/Version&gt;
&lt;Version&gt;&lt;Key&gt;b&lt;/Key&gt;&lt;/Version&gt;&lt;/ListVersionsResult&gt;</pre>
<h2>Sample Error Response</h2>
<pre>HTTP/1.1 404 Not Found

&lt;Error&gt;&lt;Code&gt;NoSuchBucket&lt;/Code&gt;&lt;/Error&gt;</pre>
"""

LIST_OBJECTS_V2 = """<h1>Listing Objects (V2)</h1>
<h2>Request Syntax</h2>
<pre>GET /?list-type=2 HTTP/1.1
Host: bucketname.store.region.example.com</pre>
<h2>Response Syntax</h2>
<pre>HTTP/1.1 status_code

&lt;ListBucketResult&gt;
    &lt;Name&gt;bucket&lt;/Name&gt;
&lt;/ListBucketResult&gt;</pre>
<h2>Response Elements</h2>
<table><caption>Table 1 Response elements</caption>
<thead><tr><th>Element</th><th>Description</th></tr></thead>
<tbody><tr><td>ListBucketResult</td><td><p>The listing.</p>
<p>Type: XML</p></td></tr>
<tr><td>Name</td><td><p>Bucket name.</p>
<p>Type: string</p><p>Parent: ListBucketResult</p></td></tr>
<tr><td>NextToken</td><td><p>Where the next listing starts.</p>
<p>Type: string</p><p>Parent: ListVersionsResult</p></td></tr>
<tr><td>Marker</td><td><p>Marker of the request.</p>
<p>Type: string</p><p>Parent: ListMarkersResult</p></td></tr>
</tbody></table>
"""
"""A row copied from the versions listing keeps its parent there (``NextToken``, "Parent:
ListVersionsResult"); ``ListMarkersResult`` is the root of no page."""

LIST_VERSIONS = """<h1>Listing Object Versions</h1>
<h2>Request Syntax</h2>
<pre>GET /?versions HTTP/1.1
Host: bucketname.store.region.example.com</pre>
<h2>Response Syntax</h2>
<pre>HTTP/1.1 status_code

&lt;ListVersionsResult&gt;
    &lt;Name&gt;bucket&lt;/Name&gt;
&lt;/ListVersionsResult&gt;</pre>
"""
