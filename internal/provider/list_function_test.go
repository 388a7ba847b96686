package provider_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"regexp"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// TestAccFunctionListResource_250 lists 250 functions in 3 services:
// every one of them across the services, the name prefix filter, one
// service, and a limit that stops the listing. The functions are created
// through the API (fast); FC pages ListFunctions by 100 at most, so every
// listing pages.
func TestAccFunctionListResource_250(t *testing.T) {
	env := acctest.New(t)
	ctx := context.Background()
	run := acctest.RandomName("q") // "q-" and eight letters and digits
	services := []string{acctest.RandomName("tf-acc-q1"), acctest.RandomName("tf-acc-q2"), acctest.RandomName("tf-acc-q3")}
	// 120 + 80 + 50 functions; of them "<run>-api-" 60 + 40 + 25 = 125.
	counts := []int{120, 80, 50}
	zip, checksum := zipOf(t, testdataDir(t, "hello"))
	for i, svc := range services {
		if _, _, err := env.Client.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr(svc)}); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { deleteServiceAndFunctions(t, env, svc) })
		createFunctionsOutside(t, env, svc, counts[i], func(n int) string {
			if n%2 == 0 {
				return fmt.Sprintf("%s-api-%03d", run, n)
			}
			return fmt.Sprintf("%s-job-%03d", run, n)
		}, zip, checksum)
	}

	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   skipBelowQuery,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Query: true,
				Config: env.ProviderConfig + fmt.Sprintf(`
list "fc_function" "all" {
  provider = fc
  limit    = 1000
  config {
    name_prefix = %[1]q
  }
}

list "fc_function" "api" {
  provider = fc
  limit    = 1000
  config {
    name_prefix = "%[1]s-api-"
  }
}

list "fc_function" "second" {
  provider = fc
  limit    = 1000
  config {
    service_name = %[2]q
  }
}

list "fc_function" "first_seven" {
  provider = fc
  limit    = 7
  config {
    name_prefix = %[1]q
  }
}
`, run, services[1]),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("fc_function.all", 250),
					querycheck.ExpectLength("fc_function.api", 125),
					querycheck.ExpectLength("fc_function.second", 80),
					querycheck.ExpectLength("fc_function.first_seven", 7),
					querycheck.ExpectTotalLengthForMatching(regexp.MustCompile(`^list\.fc_function\.`), 250+125+80+7),
					// The last function of the last service, and one in the middle.
					querycheck.ExpectIdentity("fc_function.all", map[string]knownvalue.Check{
						"service_name": knownvalue.StringExact(services[2]),
						"name":         knownvalue.StringExact(fmt.Sprintf("%s-job-%03d", run, 49)),
					}),
					querycheck.ExpectIdentity("fc_function.api", map[string]knownvalue.Check{
						"service_name": knownvalue.StringExact(services[1]),
						"name":         knownvalue.StringExact(fmt.Sprintf("%s-api-%03d", run, 78)),
					}),
					querycheck.ExpectNoIdentity("fc_function.api", map[string]knownvalue.Check{
						"service_name": knownvalue.StringExact(services[1]),
						"name":         knownvalue.StringExact(fmt.Sprintf("%s-job-%03d", run, 79)),
					}),
					// Name order: the first seven are the first service's.
					querycheck.ExpectIdentity("fc_function.first_seven", map[string]knownvalue.Check{
						"service_name": knownvalue.StringExact(services[0]),
						"name":         knownvalue.StringExact(fmt.Sprintf("%s-api-%03d", run, 6)),
					}),
					querycheck.ExpectResourceDisplayName("fc_function.second", queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
						"service_name": knownvalue.StringExact(services[1]),
						"name":         knownvalue.StringExact(fmt.Sprintf("%s-api-%03d", run, 0)),
					}), knownvalue.StringExact(fmt.Sprintf("%s/%s-api-%03d", services[1], run, 0))),
				},
			},
		},
	})
}

// createFunctionsOutside creates n python3.10 functions named name(0..n-1)
// in service through the API, eight at a time.
func createFunctionsOutside(t *testing.T, env *acctest.Env, service string, n int, name func(int) string, zip []byte, checksum string) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	sem := make(chan struct{}, 8)
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			f := &fc.Function{
				FunctionName: fc.Ptr(name(i)),
				Runtime:      fc.Ptr("python3.10"),
				Handler:      fc.Ptr("index.handler"),
				Code:         &fc.Code{ZipFile: base64.StdEncoding.EncodeToString(zip)},
			}
			if _, _, err := env.Client.CreateFunction(context.Background(), service, f, checksum); err != nil {
				errs <- fmt.Errorf("creating function %s/%s: %w", service, name(i), err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

// deleteServiceAndFunctions removes what a test created through the API.
func deleteServiceAndFunctions(t *testing.T, env *acctest.Env, service string) {
	t.Helper()
	ctx := context.Background()
	fns, err := env.Client.ListFunctions(ctx, service, "", fc.ListOptions{Limit: 100})
	if err != nil && !fc.IsNotFound(err) {
		t.Errorf("listing the functions of %s: %v", service, err)
	}
	for _, f := range fns {
		if err := env.Client.DeleteFunction(ctx, service, *f.FunctionName, ""); err != nil && !fc.IsNotFound(err) {
			t.Errorf("deleting %s/%s: %v", service, *f.FunctionName, err)
		}
	}
	if err := env.Client.DeleteService(ctx, service, ""); err != nil && !fc.IsNotFound(err) {
		t.Errorf("deleting service %s: %v", service, err)
	}
}
