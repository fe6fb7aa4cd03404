import ChronicleModel

// The site layer's cached state in the cache's hand-written binary form (`CacheCodable`):
// `site.bin` holds a digest per period and an entry per output file, and `shares/` a period's
// article shares; a rebuild reads them whole. `SiteCacheCodingTests` round-trips them from a built site.

extension SiteState: CacheCodable {
    func write(to out: inout CacheWriter) {
        out.string(output)
        out.values(digests, reusing: digestBytes)
        out.array(files.sorted { $0.key < $1.key }) { out, file in
            out.string(file.key)
            out.stamp(file.value.stamp)
            out.fixed(file.value.hash)
            out.optional(file.value.fingerprint) { $0.fixed($1) }
            out.array(file.value.parts) { out, part in
                out.fixed(part.fingerprint)
                out.int(part.offset)
                out.int(part.length)
            }
        }
        out.optional(eventsLayout) { out, layout in
            out.fixed(layout.headHash)
            out.array(layout.runs) { out, run in
                out.value(run.period)
                out.fixed(run.hash)
                out.int(run.offset)
                out.int(run.length)
                out.raw(run.lines.ids)
                out.raw(run.lines.lengths.map { Int32(clamping: $0) })
                out.raw(run.lines.cards)
            }
        }
    }

    init(from input: inout CacheReader) throws {
        output = try input.string()
        (digests, digestBytes) = try input.valuesWithBytes()
        files = [:]
        for (path, entry) in try input.array({ input in
            let path = try input.string(), stamp = try input.stamp(), hash = try input.fixed()
            let fingerprint = try input.optional { try $0.fixed() }
            let parts = try input.array { input in
                let print = try input.fixed(), offset = try input.int()
                return OutputEntry.Part(fingerprint: print, offset: offset, length: try input.int())
            }
            return (path, OutputEntry(stamp: stamp, hash: hash,
                                      fingerprint: fingerprint, parts: parts))
        }) { files[path] = entry }
        eventsLayout = try input.optional { input in
            let head = try input.fixed()
            return EventsLayout(headHash: head, runs: try input.array { input in
                let period = try input.value(Period.self), hash = try input.fixed(), offset = try input.int(), length = try input.int()
                let lines = SiteState.EventLines(ids: try input.raw(), lengths: try input.raw(Int32.self).map(Int.init), cards: try input.raw())
                return EventsLayout.Run(period: period, hash: hash, offset: offset, length: length, lines: lines)
            })
        }
    }
}

extension PeriodShares.Brief: CacheCodable {
    func write(to out: inout CacheWriter) {
        out.string(id)
        out.timex(value)
        out.string(status.rawValue)
        out.bool(isKey)
        out.string(text)
        out.int(sourceCount)
        out.optional(period) { $0.value($1) }
    }

    init(from input: inout CacheReader) throws {
        id = try input.string()
        value = try input.timex()
        status = try input.raw()
        isKey = try input.bool()
        text = try input.string()
        sourceCount = try input.int()
        period = try input.optional { try $0.value() }
    }
}

extension PeriodDigest: CacheCodable {
    func write(to out: inout CacheWriter) {
        out.value(period)
        out.fixed(hash)
        out.ints([eventCount, keyCount, expectedCount])
        out.optional(first) { $0.date($1) }
        out.optional(last) { $0.date($1) }
        out.values(highlights)
        out.array(articles.sorted { $0.key < $1.key }) { out, share in
            out.string(share.key)
            out.int(share.value.eventCount)
            out.fixed(share.value.fingerprint)
            out.fixed(share.value.sourceCounts)
        }
        out.array(named) { out, event in
            out.value(event.brief)
            out.double(event.score)
            out.fixed(event.fingerprint)
            out.strings(event.names)
        }
    }

    init(from input: inout CacheReader) throws {
        period = try input.value()
        hash = try input.fixed()
        let counts = try input.ints()
        guard counts.count == 3 else { throw CacheReader.corrupt("period counts") }
        (eventCount, keyCount, expectedCount) = (counts[0], counts[1], counts[2])
        first = try input.optional { try $0.date() }
        last = try input.optional { try $0.date() }
        highlights = try input.values()
        articles = [:]
        for (slug, share) in try input.array({ input in
            let slug = try input.string(), count = try input.int(), print = try input.fixed()
            return (slug, Share(eventCount: count, fingerprint: print, sourceCounts: try input.fixed()))
        }) { articles[slug] = share }
        named = try input.array { input in
            let brief = try input.value(PeriodShares.Brief.self), score = try input.double(), print = try input.fixed()
            return NamedEvent(brief: brief, score: score, fingerprint: print, names: try input.strings())
        }
    }
}

extension PeriodShares: CacheCodable {
    func write(to out: inout CacheWriter) {
        out.values(events)
        out.array(byArticle.sorted { $0.key < $1.key }) { out, share in
            out.string(share.key)
            out.ints(share.value.events)
            out.ints(share.value.sentences.flatMap { [$0.block, $0.sentence, $0.event] })
        }
    }

    init(from input: inout CacheReader) throws {
        events = try input.values()
        byArticle = [:]
        let count = events.count
        for (slug, share) in try input.array({ input in
            let slug = try input.string()
            var share = ArticleShare()
            share.events = try input.ints()
            let flat = try input.ints()
            guard flat.count % 3 == 0, share.events.allSatisfy({ (0..<count).contains($0) }) else { throw CacheReader.corrupt("article share") }
            share.sentences = stride(from: 0, to: flat.count, by: 3).map { SentenceRef(block: flat[$0], sentence: flat[$0 + 1], event: flat[$0 + 2]) }
            return (slug, share)
        }) { byArticle[slug] = share }
    }
}
