"""The Alembic revision graph, built from revision files read as source.

Unlike Alembic's own `RevisionMap`, building it never raises: duplicate ids, `down_revision`s that point
nowhere and cycles are recorded as facts (the MG30x rules report them), and the run order still covers
every revision (revisions on a cycle run last, in file order).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from schemawise.migrations.revisions import RevisionFile


@dataclass
class RevisionGraph:
    files: list[RevisionFile]
    by_id: dict[str, RevisionFile] = field(default_factory=dict)
    # (the file seen first, a later file declaring the same id)
    duplicates: list[tuple[RevisionFile, RevisionFile]] = field(default_factory=list)
    children: dict[str, list[str]] = field(default_factory=dict)
    # Revisions in scope of the lint (all, or those after the `--since` baseline).
    in_scope: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, files: list[RevisionFile]) -> RevisionGraph:
        graph = cls(files=[f for f in files if f.revision is not None])
        for revision in graph.files:
            assert revision.revision is not None
            first = graph.by_id.setdefault(revision.revision, revision)
            if first is not revision:
                graph.duplicates.append((first, revision))
        for revision_id, revision in graph.by_id.items():
            graph.children.setdefault(revision_id, [])
            for parent in revision.down_revisions:
                if parent in graph.by_id:
                    graph.children.setdefault(parent, []).append(revision_id)
        graph.in_scope = set(graph.by_id)
        return graph

    @property
    def heads(self) -> list[str]:
        """Revisions no other revision names as `down_revision` (what `alembic heads` lists)."""
        return [rid for rid, kids in self.children.items() if not kids]

    @property
    def bases(self) -> list[str]:
        return [rid for rid, rev in self.by_id.items() if not rev.down_revisions]

    def missing_links(self) -> list[tuple[RevisionFile, str, str]]:
        """(revision, `down_revision` or `depends_on`, the id it names that no file declares)."""
        labels = {label for rev in self.by_id.values() for label in rev.branch_labels}
        missing = []
        for revision in self.by_id.values():
            for parent in revision.down_revisions:
                if parent not in self.by_id:
                    missing.append((revision, "down_revision", parent))
            for dependency in revision.depends_on:
                if dependency not in self.by_id and dependency not in labels:
                    missing.append((revision, "depends_on", dependency))
        return missing

    def _reachable_in_order(self) -> list[str]:
        """Kahn's algorithm, file order on ties: every revision not on (or after) a cycle."""
        position = {rid: index for index, rid in enumerate(self.by_id)}
        waiting = {
            rid: sum(1 for p in rev.down_revisions if p in self.by_id)
            for rid, rev in self.by_id.items()
        }
        ready = deque(rid for rid in self.by_id if waiting[rid] == 0)
        ordered: list[str] = []
        while ready:
            rid = ready.popleft()
            ordered.append(rid)
            for child in sorted(self.children[rid], key=position.__getitem__):
                waiting[child] -= 1
                if waiting[child] == 0:
                    ready.append(child)
        return ordered

    def order(self) -> list[RevisionFile]:
        """Every revision once, parents before children; revisions stuck behind a cycle last."""
        ordered = self._reachable_in_order()
        reached = set(ordered)
        stuck = [rid for rid in self.by_id if rid not in reached]
        return [self.by_id[rid] for rid in ordered + stuck]

    def cycle_members(self) -> list[str]:
        """Revisions that are their own ancestor."""
        reached = set(self._reachable_in_order())
        return [rid for rid in self.by_id if rid not in reached and self._on_cycle(rid)]

    def _on_cycle(self, start: str) -> bool:
        stack = [p for p in self.by_id[start].down_revisions if p in self.by_id]
        seen: set[str] = set()
        while stack:
            rid = stack.pop()
            if rid == start:
                return True
            if rid in seen:
                continue
            seen.add(rid)
            stack.extend(p for p in self.by_id[rid].down_revisions if p in self.by_id)
        return False

    def resolve(self, name: str) -> str | None:
        """A revision id from an id, a unique id prefix (as Alembic accepts) or a branch label."""
        if name in self.by_id:
            return name
        labelled = [rid for rid, rev in self.by_id.items() if name in rev.branch_labels]
        if len(labelled) == 1:
            return labelled[0]
        prefixed = [rid for rid in self.by_id if rid.startswith(name)]
        return prefixed[0] if len(prefixed) == 1 else None

    def descendants(self, revision_id: str) -> set[str]:
        """Revisions after `revision_id` (not itself), as `alembic upgrade REV:head` would run."""
        found: set[str] = set()
        queue = deque(self.children.get(revision_id, []))
        while queue:
            rid = queue.popleft()
            if rid not in found:
                found.add(rid)
                queue.extend(self.children.get(rid, []))
        return found

    def branch_labels_of(self, revision_id: str) -> set[str]:
        """Branch labels declared by the revision or any ancestor (Alembic labels a whole branch)."""
        labels: set[str] = set()
        stack, seen = [revision_id], set()
        while stack:
            rid = stack.pop()
            if rid in seen or rid not in self.by_id:
                continue
            seen.add(rid)
            labels.update(self.by_id[rid].branch_labels)
            stack.extend(self.by_id[rid].down_revisions)
        return labels
