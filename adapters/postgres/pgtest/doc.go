// Package pgtest gives tests a real PostgreSQL: a fresh database per test on
// the server that TALKSBOT_TEST_DATABASE_URL names (.ci/run starts one), and
// a Proxy on 127.0.0.1 between a store and that server, which a test cuts
// and restores to play an outage without disturbing the other tests sharing
// the server, and which counts round trips. It is for tests only.
//
// Without TALKSBOT_TEST_DATABASE_URL a test that needs the server is
// skipped with a one-line reason, on a developer's machine, and fails when
// CI is set: in CI the server is part of the run, and a check that never
// runs would prove nothing.
package pgtest
