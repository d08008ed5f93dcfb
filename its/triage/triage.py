#!/usr/bin/env python3
"""Triage of real findings (DESIGN.md, "Trust"): samples up to N findings per rule with a fixed seed, spread over the
projects, into its/triage/<Rule>.tsv, keeping the verdicts already given; and summarises the verdicts.

  triage.py sample RESULTS_DIR [--rule KEY ...] [-n 10] [--seed 13] [--versions FILE]
  triage.py summary [--rule KEY ...]
  triage.py check RESULTS_DIR      which judged findings are gone / still reported

RESULTS_DIR holds one JSON report per project (`backend-review scan --format json`), named <project>.json; finding paths
look like src/<project>/<path> (Debian packages unpacked with dpkg -x; `usr/lib/python3/dist-packages/` is dropped) or
gh/<owner>__<repo>/<path>.
TSV columns: package, version, file, line, verdict (TP | NWI | FP, empty = not judged yet), reason.
"""
import argparse, collections, csv, glob, json, os, random, sys

HERE = os.environ.get('TRIAGE_DIR') or os.path.dirname(os.path.abspath(__file__))
COLUMNS = ['package', 'version', 'file', 'line', 'verdict', 'reason']
VERDICTS = ('TP', 'NWI', 'FP')


def split_path(path):
    parts = path.split('/')
    if parts[0] in ('src', 'gh') and len(parts) > 2:
        project, rest = parts[1], '/'.join(parts[2:])
    else:
        project, rest = '?', path
    if rest.startswith('usr/lib/python3/dist-packages/'):
        rest = rest[len('usr/lib/python3/dist-packages/'):]
    return project.replace('__', '/'), rest


def load_findings(results):
    by_rule = collections.defaultdict(list)
    for report in sorted(glob.glob(os.path.join(results, '*.json'))):
        with open(report, encoding='utf-8') as f:
            data = json.load(f)
        for finding in data.get('findings', []):
            project, path = split_path(finding['file'])
            rule = finding['rule']
            if rule.startswith('backendreview:'):  # the scanner names rules repository:key since it runs SonarPython's too
                rule = rule[len('backendreview:'):]
            by_rule[rule].append((project, path, int(finding['line']), finding['message']))
    return by_rule


def load_versions(path):
    versions = {}
    if path and os.path.exists(path):
        for line in open(path, encoding='utf-8'):
            words = line.split()
            if len(words) >= 4:
                versions[words[1]] = words[3]
    return versions


def tsv_path(rule):
    return os.path.join(HERE, rule + '.tsv')


def read_tsv(rule):
    if not os.path.exists(tsv_path(rule)):
        return []
    with open(tsv_path(rule), encoding='utf-8', newline='') as f:
        return [row for row in csv.DictReader(f, delimiter='\t')]


def write_tsv(rule, rows):
    with open(tsv_path(rule), 'w', encoding='utf-8', newline='') as f:
        writer = csv.DictWriter(f, COLUMNS, delimiter='\t', lineterminator='\n')
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, '') for k in COLUMNS})


def sample(findings, n, seed):
    """Up to n findings, round-robin over the projects in a seeded random order, a seeded random finding each time."""
    rng = random.Random(seed)
    by_project = collections.defaultdict(list)
    for f in sorted(findings):
        by_project[f[0]].append(f)
    for items in by_project.values():
        rng.shuffle(items)
    projects = sorted(by_project)
    rng.shuffle(projects)
    picked = []
    while len(picked) < n and any(by_project.values()):
        for p in projects:
            if by_project[p] and len(picked) < n:
                picked.append(by_project[p].pop())
    return picked


def cmd_sample(args):
    by_rule = load_findings(args.results)
    versions = load_versions(args.versions)
    for rule in args.rule or sorted(by_rule):
        existing = read_tsv(rule)
        judged = {(r['package'], r['file'], r['line']): r for r in existing}
        rows = []
        for project, path, line, _ in sample(by_rule.get(rule, []), args.n, args.seed):
            key = (project, path, str(line))
            rows.append(judged.get(key) or {'package': project, 'version': versions.get(project, ''), 'file': path,
                                            'line': line, 'verdict': '', 'reason': ''})
        # verdicts of findings that are no longer sampled stay, marked, so the history of a fix is kept
        sampled = {(r['package'], r['file'], str(r['line'])) for r in rows}
        for r in existing:
            if (r['package'], r['file'], r['line']) not in sampled and r['verdict']:
                rows.append(r)
        if rows:
            write_tsv(rule, rows)
        print(f'{rule}: {len(by_rule.get(rule, []))} findings, {len(rows)} rows in {os.path.relpath(tsv_path(rule))}')


def cmd_summary(args):
    rules = args.rule or sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(HERE, '*.tsv')))
    total = collections.Counter()
    for rule in rules:
        rows = [r for r in read_tsv(rule) if not r['reason'].startswith('gone:')]
        counts = collections.Counter(r['verdict'] or 'unjudged' for r in rows)
        judged = sum(counts[v] for v in VERDICTS)
        total.update(counts)
        projects = len({r['package'] for r in rows})
        if judged:
            print(f"{rule:40} n={judged:2} projects={projects} TP={counts['TP']} NWI={counts['NWI']} FP={counts['FP']}"
                  f"  right={100 * (judged - counts['FP']) // judged}% worth={100 * counts['TP'] // judged}%"
                  + (f"  unjudged={counts['unjudged']}" if counts['unjudged'] else ''))
        else:
            print(f'{rule:40} no judged finding')
    judged = sum(total[v] for v in VERDICTS)
    if judged:
        print(f"{'all':40} n={judged} TP={total['TP']} NWI={total['NWI']} FP={total['FP']}"
              f"  right={100 * (judged - total['FP']) // judged}% worth={100 * total['TP'] // judged}%")


def cmd_check(args):
    by_rule = load_findings(args.results)
    for rule in sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(HERE, '*.tsv'))):
        present = {(p, f, str(l)) for p, f, l, _ in by_rule.get(rule, [])}
        for r in read_tsv(rule):
            state = 'reported' if (r['package'], r['file'], r['line']) in present else 'GONE'
            print(f"{rule}\t{state}\t{r['verdict']}\t{r['package']}\t{r['file']}:{r['line']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest='command', required=True)
    s = sub.add_parser('sample')
    s.add_argument('results')
    s.add_argument('--rule', action='append')
    s.add_argument('-n', type=int, default=10)
    s.add_argument('--seed', type=int, default=13)
    s.add_argument('--versions', default='/work/corpus/versions.txt')
    s.set_defaults(func=cmd_sample)
    m = sub.add_parser('summary')
    m.add_argument('--rule', action='append')
    m.set_defaults(func=cmd_summary)
    c = sub.add_parser('check')
    c.add_argument('results')
    c.set_defaults(func=cmd_check)
    args = parser.parse_args()
    args.func(args)


if __name__ == '__main__':
    main()
