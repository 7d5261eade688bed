/// A `_rels/*.rels` part: `rId1`, `rId2`… to their targets, in the order given.
enum RelationshipsPart {
    static func write(_ relationships: [(type: String, target: String)], to out: OutputBuffer) throws {
        let x = XMLPartWriter(out)
        try x.declaration()
        try x.open("Relationships", [("xmlns", OOXML.packageRelationshipsNamespace)])
        for (i, r) in relationships.enumerated() {
            try x.empty("Relationship", [("Id", "rId\(i + 1)"), ("Type", r.type), ("Target", r.target)])
        }
        try x.close("Relationships")
    }
}
