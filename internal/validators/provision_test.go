package validators

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestAliasOrLatest(t *testing.T) {
	t.Parallel()
	invalid := func(value, reason string) stringCase {
		return stringCase{value: types.StringValue(value), want: &wantDiag{
			summary: "Invalid qualifier",
			detail:  []string{`qualifier: "` + value + `" is not a valid qualifier`, reason, "not a version number"},
		}}
	}
	runStringCases(t, AliasOrLatest(), path.Root("qualifier"), map[string]stringCase{
		"LATEST":        {value: types.StringValue("LATEST")},
		"alias":         {value: types.StringValue("prod")},
		"alias with -_": {value: types.StringValue("_blue-2")},
		"null":          {value: types.StringNull()},
		"unknown":       {value: types.StringUnknown()},
		"version":       invalid("3", "it is a version number"),
		"version 0":     invalid("0", "it is a version number"),
		"empty":         invalid("", "it is empty"),
		"dot":           invalid("a.b", "an alias name contains only"),
		"leading digit": invalid("1a", "an alias name contains only"),
		"too long":      invalid("a"+repeat("b", 128), "at most 128 characters"),
	})
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func TestUTCTimestamp(t *testing.T) {
	t.Parallel()
	invalid := func(value, reason string) stringCase {
		return stringCase{value: types.StringValue(value), want: &wantDiag{
			summary: "Invalid time",
			detail:  []string{`start_time: "` + value + `" is not a valid time`, reason, "YYYY-MM-DDThh:mm:ssZ"},
		}}
	}
	runStringCases(t, UTCTimestamp(), path.Root("start_time"), map[string]stringCase{
		"documented": {value: types.StringValue("2020-10-10T10:10:10Z")},
		"null":       {value: types.StringNull()},
		"unknown":    {value: types.StringUnknown()},
		"no zone":    invalid("2020-10-10T10:10:10", "not written"),
		"offset":     invalid("2020-10-10T10:10:10+08:00", "not written"),
		"fraction":   invalid("2020-10-10T10:10:10.000Z", "not written"),
		"date only":  invalid("2020-10-10", "not written"),
		"no such":    invalid("2020-13-10T10:10:10Z", "not a calendar time"),
	})
}

func TestDestinationARN(t *testing.T) {
	t.Parallel()
	p := path.Root("destination_config").AtName("on_failure")
	invalid := func(value string) stringCase {
		return stringCase{value: types.StringValue(value), want: &wantDiag{
			summary: "Invalid destination ARN",
			detail:  []string{`destination_config.on_failure: "` + value + `" is not a destination ARN`, DestinationMNSQueue, DestinationFunction},
		}}
	}
	runStringCases(t, DestinationARN(), p, map[string]stringCase{
		"documented queue":       {value: types.StringValue("acs:mns:cn-shanghai:1986114430573743:/queues/queue_name/messages")},
		"topic":                  {value: types.StringValue("acs:mns:cn-shanghai:1986:/topics/t-1/messages")},
		"documented function":    {value: types.StringValue("acs:fc:cn-hangzhou:1986114430573743:services/service_name.alias/functions/testHelloWorld")},
		"function, no qualifier": {value: types.StringValue("acs:fc:cn-hangzhou:1:services/s/functions/f")},
		"eventbridge":            {value: types.StringValue("acs:eventbridge:cn-hangzhou:1:eventbus/default")},
		"rocketmq":               {value: types.StringValue("acs:mq:cn-hangzhou:1:/instances/MQ_INST_1/topic/t")},
		"null":                   {value: types.StringNull()},
		"unknown":                {value: types.StringUnknown()},
		"empty":                  invalid(""),
		"a name":                 invalid("my-queue"),
		"masked account":         invalid("acs:mns:cn-shanghai:1986****43:/queues/q/messages"),
		"queue without suffix":   invalid("acs:mns:cn-shanghai:1:/queues/q"),
		"service only":           invalid("acs:fc:cn-hangzhou:1:services/s"),
		"oss":                    invalid("acs:oss:cn-hangzhou:1:bucket"),
		"upper-case region":      invalid("acs:mns:CN-SHANGHAI:1:/queues/q/messages"),
	})
}
